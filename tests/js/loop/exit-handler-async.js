// Only synchronous work runs in 'exit': timers, ticks and promises do not.
process.on('exit', () => {
  console.log('exit sync');
  Promise.resolve().then(() => console.log('never promise'));
  setImmediate(() => console.log('never immediate'));
  process.nextTick(() => console.log('never tick'));
});
console.log('main');
