'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
// Strings past half the pool take the allocation-free native path.
const s = 'a\ud800b€'.repeat(3000);
const b = Buffer.from(s);
console.log(b.length, Buffer.byteLength(s), b.subarray(0, 8), b.byteOffset, b.buffer.byteLength);
console.log(b.toString() === s.replace(/\ud800/g, '\ufffd'));
const h = Buffer.from('ab'.repeat(10000), 'hex');
console.log(h.length, h[0], h[9999]);
const b64 = Buffer.from('QUJD'.repeat(3000) + '!!', 'base64');
console.log(b64.length, b64.toString('latin1', 0, 6));
const u = Buffer.from('€'.repeat(5000), 'utf16le');
console.log(u.length, u.subarray(0, 4));
const l = Buffer.from('ÿ'.repeat(5000), 'latin1');
console.log(l.length, l[4999]);
