// perf_hooks classes: constructors, prototypes, exports.
const ph = require('perf_hooks');
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
t('PerformanceEntry', () => new PerformanceEntry());
t('Performance', () => new Performance());
t('PerformanceObserverEntryList', () => new PerformanceObserverEntryList());
for (const C of [PerformanceEntry, PerformanceMark, PerformanceMeasure, PerformanceObserver]) {
  console.log(C.name, Object.getOwnPropertyNames(C.prototype));
}
console.log(Object.getPrototypeOf(PerformanceMark.prototype) === PerformanceEntry.prototype);
console.log(Object.getPrototypeOf(PerformanceMeasure.prototype) === PerformanceEntry.prototype);
for (const n of ['PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure', 'PerformanceObserver', 'PerformanceObserverEntryList', 'Performance']) {
  console.log(n, ph[n] === globalThis[n]);
}
console.log(ph.constants);
console.log(PerformanceObserver.supportedEntryTypes);
console.log(Object.getOwnPropertyNames(Performance.prototype).filter((k) => k !== 'constructor'));
