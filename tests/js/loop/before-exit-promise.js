// Promise jobs from a 'beforeExit' listener run before the loop re-checks.
let n = 0;
process.on('beforeExit', () => {
  if (n++ > 0) return;
  Promise.resolve().then(() => { console.log('promise in beforeExit'); setTimeout(() => console.log('timer after promise'), 1); });
});
process.on('exit', () => console.log('exit after', n, 'beforeExit events'));
