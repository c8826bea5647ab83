// refresh() restarts the timer's countdown and returns it; on a fired
// timer it re-arms it.
const start = Date.now();
let fired = 0;
const t = setTimeout(() => {
  fired++;
  console.log('fired', fired, 'late enough', Date.now() - start >= 25);
  if (fired === 1) console.log('refresh re-arms', t.refresh() === t);
}, 20);
setTimeout(() => t.refresh(), 10);
