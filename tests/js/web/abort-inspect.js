// util.inspect of AbortController and AbortSignal.
const util = require('util');
const ac = new AbortController();
console.log(util.inspect(ac));
console.log(util.inspect(ac.signal));
console.log(util.inspect({ ac }));
console.log(util.inspect({ a: { b: { ac } } }));
console.log(util.inspect({ a: { b: { c: ac.signal } } }));
console.log(util.inspect(ac, { depth: 0 }));
ac.abort();
console.log(util.inspect(ac));
ac.signal.extra = 1;
console.log(util.inspect(ac.signal));
console.log(util.inspect(AbortSignal.abort('x')));
console.log(Object.prototype.toString.call(ac), Object.prototype.toString.call(ac.signal));
