// An uncaught exception: 'exit' gets code 1, later work never runs.
process.on('exit', (c) => console.log('exit', c));
setTimeout(() => console.log('never'), 1);
console.log('before');
null.prop;
