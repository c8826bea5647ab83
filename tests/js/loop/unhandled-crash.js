// Without a handler an unhandled rejection crashes with exit code 1
// after the microtasks of this turn; 'exit' still fires.
process.on('exit', (c) => console.log('exit', c));
Promise.reject(new Error('crash'));
process.nextTick(() => console.log('tick runs first'));
setTimeout(() => console.log('never'), 1);
