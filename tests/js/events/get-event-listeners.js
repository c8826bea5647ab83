// getEventListeners, listenerCount (static), eventNames with symbols.
const events = require('events');
const e = new events.EventEmitter();
const s = Symbol('sym');
const f = () => {};
e.on('a', f); e.once('a', f); e.on(s, f);
console.log(events.getEventListeners(e, 'a').length, events.getEventListeners(e, 'a')[1] === f);
console.log(events.listenerCount(e, 'a'), e.eventNames());
console.log(events.getMaxListeners(e), events.defaultMaxListeners);
events.setMaxListeners(3, e);
console.log(e.getMaxListeners());
