// Removing listeners during an emit does not affect that emit.
const E = require('events');
const e = new E();
const b = () => console.log('b');
e.on('x', () => { console.log('a'); e.off('x', b); });
e.on('x', b);
e.emit('x');
e.emit('x');
e.on('y', function self() { console.log('y'); e.on('y', () => console.log('added during emit')); });
e.emit('y');
console.log(e.listenerCount('y'));
