'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const a = Buffer.allocUnsafe(10);
const b = Buffer.allocUnsafe(10);
console.log(a.length, b.length, a.buffer === b.buffer, a.buffer.byteLength);
console.log(b.byteOffset - a.byteOffset);
const big = Buffer.allocUnsafe(4096);
console.log(big.buffer === a.buffer, big.byteOffset, big.buffer.byteLength);
const slow = Buffer.allocUnsafeSlow(10);
console.log(slow.buffer === a.buffer, slow.byteOffset, slow.buffer.byteLength);
console.log(Buffer.poolSize, Buffer.allocUnsafe(0).length, Buffer.allocUnsafe(0).buffer.byteLength);
const s1 = Buffer.from('ab'), s2 = Buffer.from('cd');
console.log(s1.buffer === s2.buffer, s1.buffer.byteLength, s2.byteOffset - s1.byteOffset);
const l = Buffer.from('x'.repeat(5000));
console.log(l.byteOffset, l.buffer.byteLength, l.length);
