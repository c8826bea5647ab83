'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const b = Buffer.alloc(5);
console.log(b.write('ab€'), b);
console.log(b.fill(0).write('abcd€'), b);
console.log(b.fill(0).write('a😀'), b);
console.log(b.fill(0).write('ab😀'), b);
console.log(b.fill(0).write('€€'), b);
console.log(b.fill(0).write('\ud800\ud800'), b);
console.log(b.fill(0).write('x', 4), b);
console.log(b.fill(0).write('xyz', 3), b);
console.log(b.fill(0).write('é', 4), b);
