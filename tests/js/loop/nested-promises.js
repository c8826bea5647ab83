// Promise chains interleave step by step; await costs ticks like V8.
const log = [];
(async () => {
  log.push('a1');
  await null;
  log.push('a2');
  await null;
  log.push('a3');
})();
Promise.resolve().then(() => log.push('b1')).then(() => log.push('b2')).then(() => log.push('b3'));
(async () => {
  log.push('c1');
  await Promise.resolve();
  log.push('c2');
})();
setTimeout(() => console.log(log.join(' ')), 0);
