// performance.eventLoopUtilization: zero before the loop starts, then
// idle + active growing, and deltas between readings.
const zero = performance.eventLoopUtilization();
console.log('before the loop', zero);
setTimeout(() => {
  const a = performance.eventLoopUtilization();
  console.log(Object.keys(a), a.idle >= 0, a.active >= 0, a.utilization >= 0 && a.utilization <= 1);
  const end = Date.now() + 10;
  while (Date.now() < end);
  const b = performance.eventLoopUtilization();
  const d = performance.eventLoopUtilization(b, a);
  console.log('delta', d.active >= 5, d.idle >= 0, d.utilization > 0);
  const since = performance.eventLoopUtilization(a);
  console.log('since a', since.active >= 5, since.utilization > 0);
  console.log(performance.nodeTiming.loopStart > 0, performance.nodeTiming.name, performance.nodeTiming.entryType);
}, 20);
