// A Timeout coerces to a number id usable with clearTimeout; ids differ.
const a = setTimeout(() => console.log('never a'), 10);
const b = setTimeout(() => console.log('b ran'), 10);
console.log(typeof +a, Number.isInteger(+a), +a !== +b, +a > 0);
console.log(`${a}` === String(+a));
clearTimeout(+a);
const c = setInterval(() => console.log('never c'), 5);
clearInterval(c[Symbol.toPrimitive]());
const d = setTimeout(() => console.log('never d'), 5);
clearTimeout(String(+d));
console.log(typeof a[Symbol.toPrimitive], a.constructor.name, b.constructor.name);
const im = setImmediate(() => {});
console.log(im.constructor.name, typeof im[Symbol.toPrimitive]);
