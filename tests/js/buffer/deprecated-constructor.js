'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const b = new Buffer('abc');
console.log(b, Buffer(3), new Buffer([1, 2]), Buffer('6869', 'hex'));
t('num with enc', () => Buffer(3, 'utf8'));
console.log(b instanceof Buffer, b.constructor === Buffer, Buffer.name, Buffer.length);
