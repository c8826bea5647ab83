// inspect options: depth, breakLength, compact, sorted, maxArrayLength, maxStringLength, getters, numericSeparator.
const { inspect } = require('util');
const o = { b: [1, 2, 3], a: { x: { y: { z: 1 } } }, s: 'x'.repeat(30) };
console.log(inspect(o, { depth: 1 }));
console.log(inspect(o, { breakLength: 20 }));
console.log(inspect(o, { compact: false }));
console.log(inspect(o, { sorted: true }));
console.log(inspect(Array.from({ length: 10 }, (_, i) => i), { maxArrayLength: 3 }));
console.log(inspect('abcdefghij', { maxStringLength: 4 }));
console.log(inspect({ get g() { return 42; } }, { getters: true }));
console.log(inspect(1234567.891, { numericSeparator: true }), inspect(123456789n, { numericSeparator: true }));
console.log(inspect(new Set([1]), { showHidden: true }));
console.log(inspect(o, { depth: Infinity, compact: 1 }));
