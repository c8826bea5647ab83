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
t('one char', () => [b.write('a', 'hex'), Buffer.from('a', 'hex'), Buffer.from('0', 'hex')]);
t('space inside', () => Buffer.from('01 02', 'hex'));
t('prefix 0x', () => Buffer.from('0x1234', 'hex'));
t('bad after good', () => [b.fill(0).write('0102zz04', 'hex'), b]);
t('negative sign', () => Buffer.from('-1', 'hex'));
t('hexWrite bad', () => [b.fill(0).hexWrite('zz'), b]);
t('hexWrite odd', () => [b.fill(0).hexWrite('abc'), b]);
t('fill odd hex', () => Buffer.alloc(4).fill('abc', 'hex'));
t('indexOf odd hex', () => Buffer.from([0xab, 0xcd]).indexOf('abc', 0, 'hex'));
