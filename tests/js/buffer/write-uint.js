'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const b = Buffer.alloc(8);
t('8', () => [b.writeUInt8(255), b.writeUint8(1, 1), b]);
t('16', () => [b.writeUInt16LE(0x1234), b.writeUInt16BE(0x1234, 2), b]);
t('32', () => [b.writeUInt32LE(0xdeadbeef), b.writeUInt32BE(0xdeadbeef, 4), b]);
t('var LE', () => [b.fill(0).writeUIntLE(0x123456, 0, 3), b]);
t('var BE', () => [b.fill(0).writeUIntBE(0x123456789abc, 1, 6), b]);
t('var 5', () => [b.fill(0).writeUIntLE(0xffffffffff, 0, 5), b]);
t('float value', () => [b.fill(0).writeUInt16BE(1.9), b.writeUInt8(2.5, 2), b]);
t('str value', () => [b.fill(0).writeUInt8('7'), b.writeUInt16LE('0x10', 1), b]);
t('NaN value', () => [b.fill(1).writeUInt32LE(NaN), b]);
t('returns offset', () => [b.writeUInt8(1, 7), b.writeUIntBE(1, 2, 6)]);
