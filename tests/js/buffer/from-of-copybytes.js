'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
t('of', () => Buffer.of(1, 2, 300));
t('of none', () => Buffer.of());
t('copyBytesFrom u16', () => Buffer.copyBytesFrom(new Uint16Array([1, 2, 3])));
t('copyBytesFrom offset', () => Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1));
t('copyBytesFrom off len', () => Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1));
t('copyBytesFrom big off', () => Buffer.copyBytesFrom(new Uint8Array([1, 2]), 5));
t('copyBytesFrom bad', () => Buffer.copyBytesFrom([1, 2]));
t('copyBytesFrom neg', () => Buffer.copyBytesFrom(new Uint8Array(2), -1));
t('copyBytesFrom copy', () => { const u = new Uint8Array([1, 2]); const b = Buffer.copyBytesFrom(u); u[0] = 9; return b; });
