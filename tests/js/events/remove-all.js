// removeAllListeners with and without a name; 'removeListener' events.
const E = require('events');
const e = new E();
e.on('removeListener', (n) => console.log('removed', n));
e.on('a', () => {}); e.on('a', () => {}); e.on('b', () => {});
e.removeAllListeners('a');
console.log(e.eventNames());
e.removeAllListeners();
console.log(e.eventNames());
const f = () => {};
e.on('c', f); e.on('c', f);
e.removeListener('c', f);
console.log(e.listenerCount('c'));
console.log(e.removeListener('none', f) === e, e.off('c', () => {}) === e);
