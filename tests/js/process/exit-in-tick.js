process.nextTick(() => { console.log('tick'); process.exit(11); });
process.nextTick(() => console.log('never'));
