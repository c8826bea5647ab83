// Without an 'uncaughtException' listener, a listener's error ends the
// process with exit code 1 after the dispatching code finished.
process.on('exit', (code) => console.log('exit event', code));
const et = new EventTarget();
et.addEventListener('x', () => { throw new Error('fatal listener'); });
et.addEventListener('x', () => console.log('second listener'));
console.log(et.dispatchEvent(new Event('x')));
console.log('end of script');
setTimeout(() => console.log('never'), 1);
