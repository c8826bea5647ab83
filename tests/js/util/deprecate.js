// deprecate warns once per code (and once per function without code).
const util = require('util');
process.on('warning', (w) => console.log(w.name, w.code, w.message));
const a = util.deprecate(() => 'a', 'a is deprecated', 'DEP_A');
const b = util.deprecate(() => 'b', 'b shares the code', 'DEP_A');
const c = util.deprecate(function c() { return 'c'; }, 'c has no code');
console.log(a(), a(), b(), c(), c());
console.log(c.name);
class Old {}
const D = util.deprecate(Old, 'Old class', 'DEP_OLD');
console.log(new D() instanceof Old);
