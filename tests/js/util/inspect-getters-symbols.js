// Accessors, symbol keys, non-enumerable with showHidden.
const { inspect } = require('util');
const o = { get a() { return 1; }, set b(v) {}, get c() { return 2; }, set c(v) {}, [Symbol('s')]: 'sym', [Symbol.iterator]: 1 };
Object.defineProperty(o, 'hidden', { value: 'h', enumerable: false });
console.log(inspect(o));
console.log(inspect(o, { showHidden: true }));
console.log(inspect(o, { getters: 'get' }), inspect(o, { getters: 'set' }));
console.log(inspect([1, 2], { showHidden: true }), inspect(Object.defineProperty([], 'x', { value: 1 }), { showHidden: true }));
