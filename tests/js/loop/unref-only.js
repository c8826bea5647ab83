// A process whose only handles are unref'd exits at once.
setTimeout(() => console.log('never'), 100).unref();
setInterval(() => console.log('never'), 10).unref();
setImmediate(() => console.log('never immediate')).unref();
process.on('beforeExit', () => console.log('beforeExit'));
process.on('exit', (c) => console.log('exit', c));
console.log('end of script');
