// Built-in types as console.log shows them.
console.log(new Map([[1, { a: 1 }], ['k', [1]]]), new Set([1, 'two']));
console.log(new WeakMap(), new WeakSet());
console.log(new Uint8Array([1, 2, 3]), new Float64Array(2), new ArrayBuffer(3));
console.log(new DataView(new ArrayBuffer(2)));
console.log([new Date(0)], /re+/gi, new RegExp('a/b'));
console.log(function named() {}, () => {}, async function af() {}, function* gen() {}, class K {}, class extends Array {});
console.log(Symbol.iterator, Symbol('desc'), Symbol());
console.log(new Number(3), new String('str'), new Boolean(false), Object(1n), Object(Symbol('b')));
console.log([1.5, -0, 0, NaN, Infinity, 123456789012345678901234567890]);
console.log(Object.create(null), Object.create({ inherited: 1 }));
console.log(new (class Point { constructor() { this.x = 1; } })());
console.log({ get g() { return 1; }, set s(v) {}, get gs() { return 2; }, set gs(v) {} });
console.log([new Error('in array')].length, { [Symbol('sym')]: 'val' });
console.log(globalThis === global, typeof globalThis);
console.log(Math, JSON, Reflect);
