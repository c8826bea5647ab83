// Non-function callbacks throw ERR_INVALID_ARG_TYPE; odd delays become 1.
for (const f of [undefined, null, 'code', 5]) {
  try { setTimeout(f, 1); } catch (e) { console.log('setTimeout', e.code, e.message); }
  try { setImmediate(f); } catch (e) { console.log('setImmediate', e.code); }
  try { setInterval(f, 1); } catch (e) { console.log('setInterval', e.code); }
}
const order = [];
setTimeout(() => order.push('NaN'), NaN);
setTimeout(() => order.push('-5'), -5);
setTimeout(() => order.push('"100"'), '100');
setTimeout(() => order.push('huge'), 2 ** 31);
setTimeout(() => order.push('undefined'), undefined);
setTimeout(() => console.log(order.join(' ')), 150);
process.on('warning', (w) => console.log(w.name, w.message));
