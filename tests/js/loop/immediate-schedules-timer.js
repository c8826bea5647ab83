// Each immediate queued by an immediate runs one loop iteration later; a
// timer from an immediate still fires.
let n = 0;
function again() {
  n++;
  if (n < 4) {
    setImmediate(again);
    return;
  }
  console.log('immediates chained', n);
  setTimeout(() => console.log('timer from immediate'), 5);
}
setImmediate(again);
setImmediate(() => {
  process.nextTick(() => console.log('tick inside immediate'));
});
