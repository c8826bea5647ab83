// process.exit skips 'beforeExit' and pending work; 'exit' listeners run
// in order and can change the code.
process.on('beforeExit', () => console.log('never beforeExit'));
process.on('exit', (c) => { console.log('exit 1', c); process.exitCode = 9; });
process.on('exit', (c) => console.log('exit 2', c, process.exitCode));
setTimeout(() => console.log('never timer'), 0);
Promise.resolve().then(() => console.log('never promise'));
process.exit(3);
