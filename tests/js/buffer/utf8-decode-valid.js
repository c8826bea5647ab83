'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const s = 'aé€𝄞😀\u0000z\u07ff\u0800\uffff';
const b = Buffer.from(s);
console.log(b.length, b.toString('hex'));
console.log(b.toString() === s, Buffer.byteLength(s));
console.log(JSON.stringify(b.toString('utf8', 1, 3)), JSON.stringify(b.toString('utf8', 2, 5)), JSON.stringify(b.toString('utf8', 3)));
const long = Buffer.alloc(20000, 'ab€');
const str = long.toString();
console.log(str.length, str.slice(0, 7), str.slice(-7), Buffer.from(str).equals(long));
