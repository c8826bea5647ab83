// util.inherits sets super_ and the prototype chain; validation.
const util = require('util');
function Base() {}
Base.prototype.hello = function () { return 'hello from base'; };
function Derived() { Base.call(this); }
util.inherits(Derived, Base);
console.log(new Derived().hello(), Derived.super_ === Base, new Derived() instanceof Base);
for (const [c, s] of [[null, Base], [Derived, null], [Derived, {}]]) {
  try { util.inherits(c, s); } catch (e) { console.log(e.code, e.message); }
}
