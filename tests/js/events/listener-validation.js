// Non-function listeners throw ERR_INVALID_ARG_TYPE.
const E = require('events');
const e = new E();
for (const m of ['on', 'once', 'prependListener', 'prependOnceListener', 'removeListener']) {
  try { e[m]('x', 'not a function'); } catch (err) { console.log(m, err.code, err.message); }
}
