// An unhandled rejection ends the process with code 1.
process.on('exit', (code) => console.log('exit', code));
Promise.reject(new Error('nobody catches this'));
setTimeout(() => console.log('never'), 50);
console.log('sync done');
