// A listener that throws: the other listeners still run, and the error
// reaches process 'uncaughtException' on the next tick.
process.on('uncaughtException', (err, origin) => console.log('uncaught:', err.message, origin));
const et = new EventTarget();
et.addEventListener('x', () => { throw new Error('first'); });
et.addEventListener('x', () => console.log('second still runs'));
console.log('dispatch returned', et.dispatchEvent(new Event('x')));
console.log('sync code continues');
process.nextTick(() => console.log('a tick queued after dispatch'));
