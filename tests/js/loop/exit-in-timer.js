// process.exit inside a timer stops the rest of its batch.
setTimeout(() => { console.log('a'); process.exit(2); }, 1);
setTimeout(() => console.log('never b'), 1);
process.on('exit', (c) => console.log('exit', c));
