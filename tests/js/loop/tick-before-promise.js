// nextTick queue drains completely before the promise queue, and ticks
// added by promise jobs run after the current promise queue is drained.
Promise.resolve().then(() => {
  console.log('p1');
  process.nextTick(() => console.log('tick from p1'));
  Promise.resolve().then(() => console.log('p1 -> p3'));
});
Promise.resolve().then(() => console.log('p2'));
process.nextTick(() => {
  console.log('t1');
  process.nextTick(() => console.log('t1 -> t3'));
  Promise.resolve().then(() => console.log('promise from t1'));
});
process.nextTick(() => console.log('t2'));
console.log('sync');
