// An 'abort' listener that throws: abort() returns normally, the other
// listeners run, the error is an uncaught exception on the next tick.
process.on('uncaughtException', (e) => console.log('uncaught', e.message));
const ac = new AbortController();
ac.signal.addEventListener('abort', () => { throw new Error('listener failed'); });
ac.signal.addEventListener('abort', () => console.log('second listener'));
ac.abort();
console.log('abort returned', ac.signal.aborted);
