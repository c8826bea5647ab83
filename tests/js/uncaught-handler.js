// An 'uncaughtException' listener keeps the process alive.
process.on('uncaughtException', (err, origin) => {
  console.log('caught:', err.message, origin);
});
setTimeout(() => {
  throw new Error('from a timer');
}, 1);
setTimeout(() => console.log('still running'), 5);
throw new RangeError('from the main script');
