// An exception in a tick, an immediate or a timer goes to
// 'uncaughtException' with its origin; the loop goes on.
process.on('uncaughtException', (err, origin) => {
  console.log('caught', err.message, origin);
});
process.nextTick(() => { throw new Error('from tick'); });
setImmediate(() => {
  setTimeout(() => { throw new Error('from timer'); }, 1);
  setTimeout(() => console.log('next timer still runs'), 2);
  throw new Error('from immediate');
});
