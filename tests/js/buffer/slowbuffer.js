'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const { SlowBuffer } = require('buffer');
const s = SlowBuffer(4);
console.log(s, s.length, Buffer.isBuffer(s), s instanceof Buffer);
t('neg', () => SlowBuffer(-1));
console.log(typeof SlowBuffer, SlowBuffer.name);
