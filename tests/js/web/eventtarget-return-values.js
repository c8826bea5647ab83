// Listener return values are ignored, except that promises are watched
// for rejections.
const et = new EventTarget();
et.addEventListener('r', () => false);
et.addEventListener('r', () => 'value');
et.addEventListener('r', async () => 1);
et.addEventListener('r', () => ({ then: 5 }));
console.log(et.dispatchEvent(new Event('r', { cancelable: true })));
et.addEventListener('t', () => Promise.reject(new Error('rejected')));
process.on('uncaughtException', (e) => console.log('uncaught', e.message));
et.dispatchEvent(new Event('t'));
console.log('after');
