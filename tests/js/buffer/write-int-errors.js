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
t('u8 big', () => b.writeUInt8(256));
t('u8 neg', () => b.writeUInt8(-1));
t('i8 big', () => b.writeInt8(128));
t('u16 big', () => b.writeUInt16LE(65536));
t('i16 small', () => b.writeInt16BE(-32769));
t('u32 big', () => b.writeUInt32LE(2 ** 32));
t('i32 big', () => b.writeInt32BE(2 ** 31));
t('u24', () => b.writeUIntLE(2 ** 24, 0, 3));
t('u40', () => b.writeUIntBE(2 ** 40, 0, 5));
t('u48', () => b.writeUIntBE(2 ** 48, 0, 6));
t('i40', () => b.writeIntLE(-(2 ** 39) - 1, 0, 5));
t('i48', () => b.writeIntBE(2 ** 47, 0, 6));
t('offset past', () => b.writeUInt32LE(1, 5));
t('offset neg', () => b.writeUInt16BE(1, -1));
t('offset float', () => b.writeUInt16BE(1, 0.5));
t('offset str', () => b.writeUInt8(1, '0'));
t('u8 offset past', () => b.writeUInt8(1, 8));
t('var len 7', () => b.writeUIntBE(1, 0, 7));
t('var len undefined', () => b.writeIntLE(1, 0));
t('var offset undefined', () => b.writeUIntLE(1, undefined, 2));
t('var u8 offset undefined', () => b.writeUIntLE(1, undefined, 1));
t('big and bad offset', () => b.writeUInt16LE(70000, 9));
t('u8 big and bad offset', () => b.writeUInt8(300, 9));
t('small buffer', () => Buffer.alloc(1).writeInt32LE(0));
