// The seed's MaxListeners warning, its text, and raising the cap.
const { EventEmitter } = require('node:events');
process.on('warning', (w) => {
  console.log(w.name, '|', w.message, '|', w.count, w.type, w.emitter === em);
});
const em = new EventEmitter();
for (let i = 0; i < 11; i++) em.on('data', () => {});
em.on('data', () => {});
const other = new EventEmitter();
other.setMaxListeners(50);
for (let i = 0; i < 20; i++) other.on('data', () => {});
console.log(EventEmitter.defaultMaxListeners, other.getMaxListeners());
EventEmitter.defaultMaxListeners = 20;
const third = new EventEmitter();
console.log(third.getMaxListeners());
