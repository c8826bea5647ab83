'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const ab = new ArrayBuffer(8);
const v = new Uint8Array(ab);
v.set([1, 2, 3, 4, 5, 6, 7, 8]);
t('whole', () => Buffer.from(ab));
t('offset', () => Buffer.from(ab, 2));
t('offset len', () => Buffer.from(ab, 2, 3));
t('shares', () => { const b = Buffer.from(ab, 1, 2); b[0] = 99; return [v[1], b.buffer === ab]; });
t('offset str', () => Buffer.from(ab, '3', '2'));
t('offset NaN', () => Buffer.from(ab, NaN, 2));
t('len NaN', () => Buffer.from(ab, 1, NaN));
t('len neg', () => Buffer.from(ab, 1, -4));
t('offset too big', () => Buffer.from(ab, 9));
t('len too big', () => Buffer.from(ab, 4, 5));
t('offset exact end', () => Buffer.from(ab, 8));
t('offset neg', () => Buffer.from(ab, -1));
t('float offset', () => Buffer.from(ab, 1.5, 2));
