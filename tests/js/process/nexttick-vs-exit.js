// Ticks queued before process.exit() do not run.
process.nextTick(() => console.log('never'));
process.on('exit', (c) => console.log('exit', c));
process.exit(0);
