// PerformanceObserver: entryTypes, delivery in a setImmediate, takeRecords.
const util = require('util');
const { PerformanceObserver } = require('perf_hooks');
const obs = new PerformanceObserver((list, observer) => {
  console.log('callback', observer === obs, list.getEntries().map((e) => e.name),
    list.getEntriesByType('mark').map((e) => e.name), list.getEntriesByName('m3').length,
    list.getEntriesByName('m3', 'measure').length, Object.prototype.toString.call(list));
  observer.disconnect();
});
console.log(util.inspect(obs));
obs.observe({ entryTypes: ['mark', 'measure', 'bogus'] });
console.log(util.inspect(obs));
performance.mark('m1');
performance.mark('m2');
console.log('pending', util.inspect(obs).includes('pending: true'));
console.log('takeRecords', obs.takeRecords().map((e) => e.name), obs.takeRecords().length);
performance.mark('m3');
performance.measure('meas', { start: 0, end: 1 });
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('microtask'));
setImmediate(() => console.log('immediate after the observer'));
