// From an immediate, a 0 ms timer and a new immediate: the immediate runs
// on the next iteration's check phase, after the timer only if the timer
// is due; nested immediates run one loop iteration later each.
let n = 0;
function again() {
  n++;
  if (n < 4) setImmediate(again);
  else console.log('immediates chained', n);
}
setImmediate(again);
setImmediate(() => {
  process.nextTick(() => console.log('tick inside immediate'));
  setTimeout(() => console.log('timer from immediate'), 200);
});
