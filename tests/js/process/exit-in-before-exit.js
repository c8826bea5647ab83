process.on('beforeExit', (c) => { console.log('beforeExit', c); process.exit(13); });
process.on('exit', (c) => console.log('exit', c));
