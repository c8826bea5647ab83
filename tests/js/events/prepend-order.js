const E = require('events');
const e = new E();
const log = [];
e.on('x', () => log.push(1));
e.prependListener('x', () => log.push(0));
e.prependOnceListener('x', () => log.push(-1));
e.once('x', () => log.push(2));
e.emit('x'); e.emit('x');
console.log(log.join(','));
