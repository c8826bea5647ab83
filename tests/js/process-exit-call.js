// process.exit() ends at once: no beforeExit, 'exit' with the code.
process.on('beforeExit', () => console.log('beforeExit (never)'));
process.on('exit', (code) => console.log('exit', code));
setTimeout(() => console.log('never'), 10);
console.log('before');
process.exit(5);
