// emit('error') without a listener throws the error, or ERR_UNHANDLED_ERROR.
const E = require('events');
const e = new E();
try { e.emit('error', new TypeError('typed')); } catch (err) { console.log(err.name, err.message); }
for (const v of ['a string', 42, { message: 'obj' }, undefined]) {
  try { e.emit('error', v); } catch (err) { console.log(err.code, err.message); }
}
e.on('error', (err) => console.log('handled', err));
e.emit('error', 'now handled');
