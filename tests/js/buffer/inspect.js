'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const util = require('util');
console.log(Buffer.from('hello'));
console.log(Buffer.alloc(0));
console.log(Buffer.alloc(50, 1));
console.log(Buffer.alloc(51, 2));
console.log(Buffer.alloc(52, 3));
console.log(util.inspect(Buffer.from('ab')));
console.log([Buffer.from('a'), { b: Buffer.from('b') }]);
const x = Buffer.from('xy');
x.foo = 'bar';
x[Symbol('s')] = 1;
console.log(x);
console.log(util.inspect(x, { showHidden: true }));
const e = Buffer.alloc(0); e.k = 1; console.log(e);
console.log(util.format('%s|%o|%j', Buffer.from('A'), Buffer.from('B'), Buffer.from('C')));
console.log(String(Buffer.from('str')), `${Buffer.from([0xe2, 0x82, 0xac])}`);
class MyBuf extends Buffer {}
console.log(Object.getPrototypeOf(Buffer.from('a')) === Buffer.prototype);
