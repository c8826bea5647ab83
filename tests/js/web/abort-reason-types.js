// Any value can be an abort reason.
const util = require('util');
const reasons = [0, '', false, null, 'text', 42n, Symbol('s'), { code: 1 }, [1, 2], new TypeError('t')];
for (const r of reasons) {
  const ac = new AbortController();
  ac.abort(r);
  console.log(util.inspect(ac.signal.reason).split('\n')[0], ac.signal.reason === r);
  try { ac.signal.throwIfAborted(); } catch (e) { console.log('  thrown same', e === r); }
}
const s = AbortSignal.abort({ nested: true });
console.log(s.reason);
