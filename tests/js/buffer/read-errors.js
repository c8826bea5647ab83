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
t('past', () => b.readUInt8(4));
t('neg', () => b.readUInt8(-1));
t('float', () => b.readUInt16LE(1.5));
t('str', () => b.readUInt32LE('0'));
t('NaN', () => b.readInt8(NaN));
t('null', () => b.readInt8(null));
t('16 end', () => b.readInt16BE(3));
t('32 end', () => b.readUInt32BE(1));
t('short buf', () => Buffer.alloc(2).readUInt32LE(0));
t('empty', () => Buffer.alloc(0).readUInt8(0));
t('Infinity', () => b.readUInt8(Infinity));
t('-0', () => b.readUInt8(-0));
t('var no offset', () => b.readUIntLE());
t('var no len', () => b.readUIntLE(0));
t('var len 7', () => b.readIntBE(0, 7));
t('var len 0', () => b.readIntBE(0, 0));
t('var len float', () => b.readUIntBE(0, 1.5));
t('var len str', () => b.readUIntBE(0, '2'));
t('var past', () => b.readUIntBE(1, 4));
t('var huge', () => Buffer.alloc(8).readIntLE(3, 6));
