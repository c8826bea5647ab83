// queueMicrotask shares the promise job queue (FIFO with then callbacks),
// after the nextTick queue.
queueMicrotask(() => console.log('qm1'));
Promise.resolve().then(() => console.log('then1'));
queueMicrotask(() => {
  console.log('qm2');
  queueMicrotask(() => console.log('qm2 -> qm'));
  process.nextTick(() => console.log('qm2 -> tick'));
});
Promise.resolve().then(() => console.log('then2'));
process.nextTick(() => console.log('tick'));
try { queueMicrotask(1); } catch (e) { console.log(e.code, e.name); }
try { queueMicrotask(); } catch (e) { console.log(e.code, e.message); }
