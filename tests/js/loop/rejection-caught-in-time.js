// A rejection handled within the same microtask drain is not unhandled.
process.on('unhandledRejection', () => console.log('never'));
const p = Promise.reject(new Error('x'));
Promise.resolve().then(() => p.catch(e => console.log('caught', e.message)));
const q = Promise.reject(new Error('y'));
process.nextTick(() => q.catch(e => console.log('caught in tick', e.message)));
