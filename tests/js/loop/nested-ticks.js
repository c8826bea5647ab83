// A deep nextTick recursion finishes before any promise job or timer.
let depth = 0;
function recur() {
  if (++depth < 1000) process.nextTick(recur);
  else console.log('ticks done', depth);
}
process.nextTick(recur);
Promise.resolve().then(() => console.log('promise after', depth));
setTimeout(() => console.log('timer after', depth), 0);
