// structuredClone: primitives and boxed primitives.
const util = require('util');
const values = [1, -0, NaN, Infinity, 'str', '', true, false, null, undefined, 10n, -(2n ** 70n)];
for (const v of values) {
  const c = structuredClone(v);
  console.log(util.inspect(v), '->', util.inspect(c), Object.is(v, c));
}
const boxed = [new Number(3), new String('s'), new Boolean(false), Object(10n), new Number(-0), new String('')];
for (const b of boxed) {
  const c = structuredClone(b);
  console.log(util.inspect(c), c !== b, typeof c, Object.prototype.toString.call(c));
}
const s = new String('ab');
s.extra = 1;
console.log(util.inspect(structuredClone(s)));
console.log(structuredClone.name, structuredClone.length, typeof structuredClone);
const d = Object.getOwnPropertyDescriptor(globalThis, 'structuredClone');
console.log(typeof d.value, d.writable, d.enumerable, d.configurable);
