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
t('8', () => [b.writeInt8(-1), b.writeInt8(-128, 1), b.writeInt8(127, 2), b]);
t('16', () => [b.fill(0).writeInt16LE(-2), b.writeInt16BE(-32768, 2), b]);
t('32', () => [b.fill(0).writeInt32LE(-1), b.writeInt32BE(-2147483648, 4), b]);
t('var', () => [b.fill(0).writeIntLE(-2, 0, 3), b.writeIntBE(-0x800000000000, 2, 6), b]);
t('var 5', () => [b.fill(0).writeIntBE(-1, 0, 5), b]);
t('neg float', () => [b.fill(0).writeInt16BE(-1.5), b]);
t('-0', () => [b.fill(9).writeInt32BE(-0), b]);
t('roundtrip', () => [-1, -129, 8388607, -8388608].map((v) => { b.writeIntLE(v, 0, 3); return b.readIntLE(0, 3); }));
