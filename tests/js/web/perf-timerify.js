// performance.timerify: wrapped functions, constructors, 'function' entries.
const util = require('util');
const { PerformanceObserver } = require('perf_hooks');
function work(a, b) { return a + b; }
const timed = performance.timerify(work);
console.log(timed.name, timed.length, timed === performance.timerify(work), timed !== work);
const obs = new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    console.log('entry', e.name, e.entryType, util.inspect(e.detail), e.duration >= 0, typeof e.startTime);
  }
  obs.disconnect();
});
obs.observe({ entryTypes: ['function'] });
console.log(timed(2, 3));
class K { constructor(x) { this.x = x; } }
const TK = performance.timerify(K);
const k = new TK(4);
console.log(k, k instanceof K, TK.name, TK.length);
console.log(performance.getEntriesByType('function').length);
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
t('not a function', () => performance.timerify(5));
t('throws through', () => performance.timerify(() => { throw new Error('inner'); })());
const self = { v: 7, get() { return this.v; } };
self.get = performance.timerify(self.get);
console.log('this kept', self.get());
