// Numbers, bigints, boxed values, and -0 through inspect.
const { inspect } = require('util');
console.log([0, -0, 1e21, 1e-7, 0.1 + 0.2, -1.5, NaN, -Infinity, 2 ** 53].map((n) => inspect(n)).join(' '));
console.log(inspect(10n), inspect(-10n), inspect(Object(10n)), inspect(new Number(-0)), inspect(new String('ab')));
console.log(inspect([1.0, 2.50, 3e3]), inspect(new Float32Array([0.1])));
console.log(inspect(Number.MAX_SAFE_INTEGER, { numericSeparator: true }), inspect(-1234.5678, { numericSeparator: true }));
