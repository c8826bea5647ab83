// setMaxListeners/getMaxListeners, validation, the leak warning once per event.
const E = require('events');
process.on('warning', (w) => console.log(w.name, w.message));
const e = new E();
e.setMaxListeners(2);
for (let i = 0; i < 5; i++) e.on('x', () => {});
for (let i = 0; i < 3; i++) e.on('y', () => {});
console.log(e.getMaxListeners());
e.setMaxListeners(0);
for (let i = 0; i < 20; i++) e.on('z', () => {});
for (const bad of [-1, 'x', NaN]) {
  try { e.setMaxListeners(bad); } catch (err) { console.log(err.code, err.message); }
}
try { E.defaultMaxListeners = -5; } catch (err) { console.log(err.code, err.message); }
