import { thisValue, sloppyThis, caught } from './fixtures/strict.mjs';
const f = sloppyThis;
console.log(thisValue, f(), sloppyThis(), caught, this);
try { (function () { return arguments.callee; })(); } catch (e) { console.log(e.name); }
console.log((function () { return typeof this; })());
