// process.exit within 'exit' replaces the code and stops other listeners.
process.on('exit', (c) => { console.log('first', c); process.exit(4); });
process.on('exit', () => console.log('never second'));
