// EventEmitter details: order, prepend, newListener, removeListener
// during emit, listeners vs rawListeners, eventNames, max listeners,
// error without a listener.
const EventEmitter = require('events');
const em = new EventEmitter();
const order = [];
em.on('newListener', (name) => order.push(`new:${String(name)}`));
em.on('x', () => order.push('a'));
em.prependListener('x', () => order.push('b'));
em.once('x', () => order.push('c'));
em.prependOnceListener('x', () => order.push('d'));
em.emit('x');
em.emit('x');
console.log(order.join(' '));
const sym = Symbol('s');
em.on(sym, () => {});
console.log(em.eventNames());
function f() {}
em.once('y', f);
console.log(em.listeners('y')[0] === f, em.rawListeners('y')[0] === f,
  typeof em.rawListeners('y')[0].listener);
const seq = [];
const g1 = () => { seq.push(1); em.removeListener('z', g2); };
const g2 = () => seq.push(2);
em.on('z', g1);
em.on('z', g2);
em.emit('z');
em.emit('z');
console.log(seq.join(','));
console.log(em.getMaxListeners(), EventEmitter.defaultMaxListeners);
em.setMaxListeners(1);
console.log(em.getMaxListeners());
try {
  new EventEmitter().emit('error', new Error('unhandled'));
} catch (err) {
  console.log('threw', err.message);
}
try {
  new EventEmitter().emit('error', 'a string');
} catch (err) {
  console.log(err.code, err.message);
}
em.removeAllListeners('x');
console.log(em.listenerCount('x'), EventEmitter.listenerCount(em, 'z'));
