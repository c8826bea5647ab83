'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const b = Buffer.alloc(4);
console.log(b.write('AQIDBAUG', 'base64'), b);
console.log(b.fill(0).write('AQID', 1, 'base64'), b);
console.log(b.fill(0).write('AQIDBA', 0, 2, 'base64'), b);
console.log(b.fill(0).write('!!!!', 'base64'), b);
console.log(b.fill(0).write('_w', 'base64url'), b);
