// util.isDeepStrictEqual on tricky pairs.
const { isDeepStrictEqual: eq } = require('util');
console.log(eq({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), eq([1], ['1']), eq(NaN, NaN), eq(0, -0));
console.log(eq(new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])), eq(new Set([1, 2]), new Set([2, 1])));
console.log(eq(new Date(0), new Date(0)), eq(/a/g, /a/i), eq(Object.create(null), {}));
console.log(eq([1, , 3], [1, undefined, 3]), eq({ a: undefined }, {}), eq(new Number(1), new Number(1)));
const c1 = { x: 1 }; c1.self = c1; const c2 = { x: 1 }; c2.self = c2;
console.log(eq(c1, c2), eq(new Uint8Array([1]), new Uint8Array([1])), eq(new Error('a'), new Error('a')));
