// An exception in a timer goes to 'uncaughtException'; the loop goes on.
process.on('uncaughtException', (err, origin) => {
  console.log('caught', err.message, origin);
});
setTimeout(() => { throw new Error('from timer'); }, 500);
setTimeout(() => console.log('next timer still runs'), 600);
setImmediate(() => { throw new Error('from immediate'); });
process.nextTick(() => { throw new Error('from tick'); });
