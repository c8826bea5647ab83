// promisify: resolves with the value, rejects with the error, keeps this; validation.
const util = require('util');
function cb(a, b, done) { done(null, a + b); }
function fails(done) { done(new Error('nope')); }
function multi(done) { done(null, 1, 2); }
const obj = { v: 5, get(done) { done(null, this.v); } };
(async () => {
  console.log(await util.promisify(cb)(1, 2));
  await util.promisify(fails)().catch((e) => console.log('rejected', e.message));
  console.log(await util.promisify(multi)());
  obj.pget = util.promisify(obj.get);
  console.log(await obj.pget());
  const p = util.promisify(cb);
  console.log(p.name, util.promisify(p) === p, Object.getPrototypeOf(p) === Object.getPrototypeOf(cb));
  try { util.promisify(null); } catch (e) { console.log(e.code, e.message); }
  await util.promisify((done) => done(0))().catch((e) => console.log('falsy err resolves?', e));
  console.log(await util.promisify((done) => done(null))());
})();
