// queueMicrotask: ordering against ticks and promises, errors.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
t('no callback', () => queueMicrotask());
t('not a function', () => queueMicrotask('x'));
console.log(queueMicrotask.name, queueMicrotask.length);
process.nextTick(() => console.log('tick'));
queueMicrotask(() => console.log('micro 1'));
Promise.resolve().then(() => console.log('promise'));
queueMicrotask(() => {
  console.log('micro 2');
  queueMicrotask(() => console.log('nested micro'));
  process.nextTick(() => console.log('tick from micro'));
});
setTimeout(() => console.log('timeout'), 0);
console.log('sync');
