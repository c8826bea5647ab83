// structuredClone: subclasses of built-ins become the built-in.
const util = require('util');
class MyDate extends Date {}
class MyMap extends Map {}
class MySet extends Set {}
class MyRegExp extends RegExp {}
class MyBytes extends Uint8Array {}
const d = structuredClone(new MyDate(0));
const m = structuredClone(new MyMap([[1, 2]]));
const s = structuredClone(new MySet([1]));
const r = structuredClone(new MyRegExp('a', 'g'));
const b = structuredClone(new MyBytes([1, 2]));
for (const v of [d, m, s, r, b]) console.log(util.inspect(v), v.constructor.name);
class Tagged { get [Symbol.toStringTag]() { return 'Tag'; } }
const tc = structuredClone(Object.assign(new Tagged(), { a: 1 }));
console.log(util.inspect(tc), Object.prototype.toString.call(tc));
