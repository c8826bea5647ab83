// The EventTarget leak warning: once per target, past the default of 10.
let warnings = 0;
process.on('warning', (w) => {
  warnings++;
  console.log(w.name, w.message, w.count, w.type);
});
const et = new EventTarget();
for (let i = 0; i < 12; i++) et.addEventListener('evt', () => {});
const other = new EventTarget();
for (let i = 0; i < 10; i++) other.addEventListener('ten', () => {});
const ac = new AbortController();
for (let i = 0; i < 11; i++) ac.signal.addEventListener('abort', () => {});
const events = require('events');
const quiet = new EventTarget();
events.setMaxListeners(0, quiet);
for (let i = 0; i < 20; i++) quiet.addEventListener('many', () => {});
setTimeout(() => console.log('warnings', warnings), 1);
