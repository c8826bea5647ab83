'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const b = Buffer.from([0xff, 0xfe, 0x80, 0x00, 0x7f, 0xff, 0xff, 0x80]);
t('8', () => [b.readInt8(), b.readInt8(2), b.readInt8(4)]);
t('16', () => [b.readInt16LE(), b.readInt16BE(), b.readInt16LE(2), b.readInt16BE(2), b.readInt16BE(4)]);
t('32', () => [b.readInt32LE(), b.readInt32BE(), b.readInt32LE(4), b.readInt32BE(4)]);
t('var LE', () => [1, 2, 3, 4, 5, 6].map((n) => b.readIntLE(0, n)));
t('var BE', () => [1, 2, 3, 4, 5, 6].map((n) => b.readIntBE(2, n)));
t('zero', () => [Buffer.alloc(6).readIntBE(0, 6), Object.is(Buffer.alloc(6).readIntLE(0, 6), 0)]);
