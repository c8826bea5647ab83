'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
t('negative', () => Buffer.alloc(-1));
t('string', () => Buffer.alloc('5'));
t('NaN', () => Buffer.alloc(NaN));
t('huge', () => Buffer.alloc(2 ** 33));
t('undefined', () => Buffer.alloc());
t('null', () => Buffer.alloc(null));
t('bad hex fill', () => Buffer.alloc(4, 'zz', 'hex'));
t('bad encoding', () => Buffer.alloc(4, 'a', 'nope'));
t('unsafe neg', () => Buffer.allocUnsafe(-5));
t('unsafeSlow str', () => Buffer.allocUnsafeSlow('1'));
t('unsafe Infinity', () => Buffer.allocUnsafe(Infinity));
t('empty string fill', () => Buffer.alloc(3, ''));
