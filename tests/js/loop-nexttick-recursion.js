// A recursive nextTick runs before any timer or immediate, however deep.
let n = 0;
function spin() {
  if (++n < 10000) process.nextTick(spin);
}
process.nextTick(spin);
setTimeout(() => console.log('timer after', n, 'ticks'), 0);
setImmediate(() => console.log('immediate after', n, 'ticks'));
let p = 0;
function chain() {
  if (++p < 1000) return Promise.resolve().then(chain);
  console.log('promise chain done', p);
  return undefined;
}
chain();
