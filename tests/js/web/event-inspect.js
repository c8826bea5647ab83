// util.inspect of events and targets at several depths.
const util = require('util');
const clean = (s) => s.replace(/timeStamp: [\d.e+-]+/g, 'timeStamp: T');
const e = new Event('foo', { cancelable: true });
console.log(clean(util.inspect(e)));
console.log(clean(util.inspect({ e })));
console.log(clean(util.inspect({ a: { b: { e } } })));
console.log(clean(util.inspect(e, { depth: 0 })));
console.log(clean(util.inspect(e, { depth: -1 })));
e.preventDefault();
console.log(clean(util.inspect(e)));
console.log(clean(util.inspect(new CustomEvent('c', { detail: { a: 1 } }))));
const et = new EventTarget();
et.addEventListener('x', () => {});
et.prop = 1;
console.log(util.inspect(et), util.inspect({ et }), util.inspect({ a: { b: { et } } }));
console.log(util.inspect([et, et]));
class Sub extends EventTarget {}
console.log(util.inspect(new Sub()));
console.log(clean(util.inspect([new Event('in-array')])));
