// require('perf_hooks') and 'node:perf_hooks'.
const a = require('perf_hooks');
const b = require('node:perf_hooks');
console.log(a === b, Object.keys(a).filter((k) => !['monitorEventLoopDelay', 'createHistogram', 'PerformanceResourceTiming'].includes(k)));
console.log(a.performance === globalThis.performance, typeof a.performance.now());
const { performance, PerformanceObserver } = a;
const obs = new PerformanceObserver((list) => {
  const [entry] = list.getEntriesByName('A to B');
  console.log(entry.name, entry.entryType, entry.duration >= 0);
  obs.disconnect();
  performance.clearMarks();
});
obs.observe({ entryTypes: ['measure'] });
performance.mark('A');
for (let i = 0; i < 1000; i++);
performance.mark('B');
performance.measure('A to B', 'A', 'B');
