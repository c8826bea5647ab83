'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
t('alloc 0', () => Buffer.alloc(0));
t('alloc 3', () => Buffer.alloc(3));
t('alloc fill num', () => Buffer.alloc(5, 1));
t('alloc fill 257', () => Buffer.alloc(3, 257));
t('alloc fill -1', () => Buffer.alloc(3, -1));
t('alloc fill str', () => Buffer.alloc(7, 'abc'));
t('alloc fill hex', () => Buffer.alloc(5, 'aabb', 'hex'));
t('alloc fill base64', () => Buffer.alloc(4, 'AQI=', 'base64'));
t('alloc fill buf', () => Buffer.alloc(5, Buffer.from([1, 2])));
t('alloc fill u16', () => Buffer.alloc(5, new Uint16Array([0x102])));
t('alloc fractional', () => Buffer.alloc(2.7));
t('alloc fill true', () => Buffer.alloc(2, true));
t('alloc fill utf8 char', () => Buffer.alloc(5, '€'));
