// Between immediates ticks and promise jobs drain; an immediate queued by
// an immediate waits for the next loop iteration (after timers).
setImmediate(() => {
  console.log('imm 1');
  process.nextTick(() => console.log('tick in imm 1'));
  Promise.resolve().then(() => console.log('promise in imm 1'));
  setImmediate(() => console.log('imm 3 (queued by imm 1)'));
});
setImmediate(() => console.log('imm 2'));
