// After each timer callback, ticks and promise jobs run before the next
// timer of the same batch (Node >= 11).
setTimeout(() => {
  console.log('timer 1');
  process.nextTick(() => console.log('tick in 1'));
  Promise.resolve().then(() => console.log('promise in 1'));
}, 2);
setTimeout(() => {
  console.log('timer 2');
  Promise.resolve().then(() => console.log('promise in 2'));
  process.nextTick(() => console.log('tick in 2'));
}, 2);
