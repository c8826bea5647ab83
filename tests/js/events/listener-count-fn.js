// listenerCount(name, listener) counts one listener (Node 20 API).
const E = require('events');
const e = new E();
const f = () => {};
e.on('x', f); e.on('x', f); e.on('x', () => {});
console.log(e.listenerCount('x'), e.listenerCount('x', f));
