// Listeners run in registration order; prepend puts one first; emit returns.
const E = require('events');
const e = new E();
e.on('x', () => console.log('second'));
e.prependListener('x', () => console.log('first'));
e.on('x', (...args) => console.log('third', args));
console.log(e.emit('x', 1, 2), e.emit('nothing'));
