// performance.now, timeOrigin, toJSON and the global's shape.
const a = performance.now();
const b = performance.now();
console.log(typeof a, a >= 0, b >= a);
console.log(typeof performance.timeOrigin, Math.abs(performance.timeOrigin + performance.now() - Date.now()) < 1000);
console.log(performance.timeOrigin > 1.6e12, performance.timeOrigin === performance.timeOrigin);
const j = performance.toJSON();
console.log(Object.keys(j), Object.keys(j.nodeTiming.toJSON ? j.nodeTiming.toJSON() : j.nodeTiming));
console.log(j.timeOrigin === performance.timeOrigin, j.eventLoopUtilization);
console.log(Object.prototype.toString.call(performance), performance instanceof EventTarget);
console.log(require('perf_hooks').performance === performance);
const d = Object.getOwnPropertyDescriptor(globalThis, 'performance');
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable, d.get.name);
const start = performance.now();
setTimeout(() => console.log('elapsed after a 20 ms timer >= 15:', performance.now() - start >= 15), 20);
