// nextTick before promise jobs, after every callback, and their nesting.
console.log('start');
setTimeout(() => console.log('timeout 0'), 0);
process.nextTick(() => console.log('tick 1'));
Promise.resolve().then(() => {
  console.log('promise 1');
  process.nextTick(() => console.log('tick from promise'));
  Promise.resolve().then(() => console.log('promise from promise'));
});
queueMicrotask(() => console.log('microtask'));
process.nextTick(() => {
  console.log('tick 2');
  Promise.resolve().then(() => console.log('promise from tick'));
  process.nextTick(() => console.log('tick from tick'));
});
setTimeout(() => {
  console.log('timeout A');
  process.nextTick(() => console.log('tick in A'));
  Promise.resolve().then(() => console.log('promise in A'));
}, 5);
setTimeout(() => console.log('timeout B'), 5);
console.log('end');
