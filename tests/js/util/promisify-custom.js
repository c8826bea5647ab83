// util.promisify.custom and validation of the custom value.
const util = require('util');
function f() {}
f[util.promisify.custom] = function custom() { return Promise.resolve('custom'); };
console.log(util.promisify(f) === f[util.promisify.custom]);
function g() {}
g[util.promisify.custom] = 'not a function';
try { util.promisify(g); } catch (e) { console.log(e.code, e.message); }
util.promisify(f)().then((v) => console.log(v));
const t = util.promisify(setTimeout);
const i = util.promisify(setImmediate);
t(1, 'value').then((v) => {
  console.log('setTimeout promisified', v);
  return i('imm');
}).then((v) => console.log('setImmediate promisified', v));
