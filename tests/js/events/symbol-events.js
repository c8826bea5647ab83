// Symbol event names and listener bookkeeping.
const E = require('events');
const e = new E();
const s = Symbol('evt');
e.on(s, (v) => console.log('symbol event', v));
e.emit(s, 1);
console.log(e.eventNames(), e.listenerCount(s));
e.off(s, e.listeners(s)[0]);
console.log(e.eventNames().length);
