// Errors from handleEvent objects and async listeners: reported through
// their promises, after the current microtasks.
process.on('uncaughtException', (err) => console.log('uncaught:', err.message));
const et = new EventTarget();
et.addEventListener('x', { handleEvent() { throw new Error('from handleEvent'); } });
et.addEventListener('x', async () => { throw new Error('from async listener'); });
et.addEventListener('x', () => console.log('plain listener runs'));
console.log('returned', et.dispatchEvent(new Event('x')));
Promise.resolve().then(() => console.log('microtask'));
