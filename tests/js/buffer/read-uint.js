'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const b = Buffer.from([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0xff, 0x80]);
t('8', () => [b.readUInt8(), b.readUInt8(6), b.readUint8(7)]);
t('16', () => [b.readUInt16LE(), b.readUInt16BE(), b.readUInt16LE(6), b.readUint16BE(6)]);
t('32', () => [b.readUInt32LE(), b.readUInt32BE(), b.readUInt32LE(4), b.readUint32BE(4)]);
t('var LE', () => [1, 2, 3, 4, 5, 6].map((n) => b.readUIntLE(0, n)));
t('var BE', () => [1, 2, 3, 4, 5, 6].map((n) => b.readUIntBE(2, n)));
t('alias', () => [b.readUintLE(0, 3), b.readUintBE(0, 3)]);
