// process.exit from a promise job stops everything else.
Promise.resolve().then(() => { console.log('job'); process.exit(8); });
Promise.resolve().then(() => console.log('never second job'));
process.nextTick(() => console.log('tick first'));
process.on('exit', (c) => console.log('exit', c));
