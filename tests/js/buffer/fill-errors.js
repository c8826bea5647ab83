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
t('bad hex', () => b.fill('zz', 'hex'));
t('empty buf', () => b.fill(Buffer.alloc(0)));
t('unknown enc', () => b.fill('a', 'nope'));
t('enc number', () => b.fill('a', 0, 2, 5));
t('offset neg', () => b.fill(1, -1));
t('offset float', () => b.fill(1, 1.5));
t('offset str', () => b.fill(1, '1', 2));
t('end big', () => b.fill(1, 0, 5));
t('end < offset', () => b.fill(9, 3, 1));
t('offset past', () => b.fill(1, 10));
t('offset = end', () => b.fill(2, 2, 2));
t('empty str', () => b.fill(''));
t('empty str range', () => b.fill('', 1, 3));
