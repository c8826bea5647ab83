// events.getEventListeners, getMaxListeners and setMaxListeners on
// EventTargets.
const events = require('events');
const et = new EventTarget();
const f = () => {};
const obj = { handleEvent() {} };
et.addEventListener('a', f);
et.addEventListener('a', obj);
et.addEventListener('a', f, true);
console.log(events.getEventListeners(et, 'a').length);
console.log(events.getEventListeners(et, 'a')[0] === f, events.getEventListeners(et, 'a')[1] === obj);
console.log(events.getEventListeners(et, 'b'));
et.removeEventListener('a', f);
console.log(events.getEventListeners(et, 'a').length);
console.log(events.getMaxListeners(et));
events.setMaxListeners(3, et);
console.log(events.getMaxListeners(et));
const ac = new AbortController();
ac.signal.onabort = () => {};
console.log(events.getEventListeners(ac.signal, 'abort').length);
process.on('warning', (w) => console.log('warning:', w.name, w.message, w.count, w.type, w.target === et));
for (let i = 0; i < 5; i++) et.addEventListener('many', () => {});
setTimeout(() => console.log('done'), 1);
