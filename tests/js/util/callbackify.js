// callbackify: value to (null, value), rejection to err; falsy reasons wrapped.
const util = require('util');
const ok = util.callbackify(async (a) => a * 2);
ok(21, (err, v) => console.log('ok', err, v));
const bad = util.callbackify(async () => { throw new Error('bad'); });
bad((err) => console.log('bad', err.message));
const nul = util.callbackify(() => Promise.reject(null));
nul((err) => console.log('null reason', err.code, err.message, err.reason));
const zero = util.callbackify(() => Promise.reject(0));
zero((err) => console.log('zero reason', err.code, err.reason));
console.log(ok.name, ok.length);
try { util.callbackify(1); } catch (e) { console.log(e.code, e.message); }
try { ok(1); } catch (e) { console.log(e.code, e.message); }
