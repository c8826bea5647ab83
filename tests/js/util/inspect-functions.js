// Functions: names, classes, properties on functions, bound, anonymous.
const { inspect } = require('util');
function named() {}
named.prop = 1;
console.log(inspect(named), inspect(() => {}), inspect(function () {}), inspect(named.bind(null)));
console.log(inspect(async () => {}), inspect(async function* ag() {}), inspect(Math.max));
const o = { method() {}, arrow: () => {}, ['computed' + 1]: function () {} };
console.log(inspect(o));
class C { static s = 1; }
console.log(inspect(C), inspect(Object.assign(() => {}, { a: 1 })));
const nameless = (() => () => {})();
console.log(inspect(nameless), inspect(Object.defineProperty(function f() {}, 'name', { value: '' })));
