// The web globals on globalThis: kinds and attributes, as Node has them
// once touched.
const names = ['DOMException', 'EventTarget', 'Event', 'CustomEvent', 'AbortController',
  'AbortSignal', 'structuredClone', 'performance', 'queueMicrotask', 'Performance',
  'PerformanceEntry', 'PerformanceMark', 'PerformanceMeasure', 'PerformanceObserver',
  'PerformanceObserverEntryList'];
for (const n of names) {
  const v = globalThis[n];
  const d = Object.getOwnPropertyDescriptor(globalThis, n);
  console.log(n, typeof v, 'value' in d ? `data w=${d.writable}` : 'accessor', `e=${d.enumerable} c=${d.configurable}`);
}
const own = new Set(Object.getOwnPropertyNames(globalThis));
console.log(names.every((n) => own.has(n)));
console.log(Object.keys(globalThis).filter((k) => names.includes(k)).sort());
