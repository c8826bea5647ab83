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
t('u64 LE', () => [b.writeBigUInt64LE(0x0102030405060708n), b, b.readBigUInt64LE()]);
t('u64 BE', () => [b.writeBigUInt64BE(0xfedcba9876543210n), b, b.readBigUInt64BE(), b.readBigUint64BE()]);
t('i64', () => [b.writeBigInt64LE(-1n), b, b.readBigInt64LE(), b.readBigInt64BE()]);
t('i64 min', () => [b.writeBigInt64BE(-(2n ** 63n)), b, b.readBigInt64BE()]);
t('u64 max', () => [b.writeBigUint64LE(2n ** 64n - 1n), b.readBigUInt64LE()]);
t('u64 over', () => b.writeBigUInt64LE(2n ** 64n));
t('u64 neg', () => b.writeBigUInt64BE(-1n));
t('i64 over', () => b.writeBigInt64LE(2n ** 63n));
t('i64 under', () => b.writeBigInt64BE(-(2n ** 63n) - 1n));
t('read oob', () => b.readBigUInt64LE(1));
t('write oob', () => b.writeBigInt64LE(1n, 1));
t('read short', () => Buffer.alloc(4).readBigInt64BE());
t('read float off', () => b.readBigInt64LE(0.5));
t('read str off', () => b.readBigInt64LE('0'));
t('huge over', () => b.writeBigUInt64BE(2n ** 70n));
