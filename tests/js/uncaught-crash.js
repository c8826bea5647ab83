// An uncaught exception: exit code 1, 'exit' emitted with 1.
process.on('exit', (code) => console.log('exit', code));
console.log('before');
setTimeout(() => {
  throw new TypeError('boom');
}, 1);
setTimeout(() => console.log('never'), 50);
