'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const a = Buffer.from('abc'), b = Buffer.from('abd'), c = Buffer.from('ab');
t('static', () => [Buffer.compare(a, b), Buffer.compare(b, a), Buffer.compare(a, a), Buffer.compare(a, c), Buffer.compare(c, a)]);
t('sort', () => [b, c, a, Buffer.from('')].sort(Buffer.compare).map(String));
t('u8', () => Buffer.compare(new Uint8Array([1]), new Uint8Array([2])));
t('bad 1', () => Buffer.compare('a', b));
t('bad 2', () => Buffer.compare(a, 'b'));
t('proto', () => [a.compare(b), b.compare(a), a.compare(Buffer.from('abc'))]);
t('ranges', () => [a.compare(b, 0, 2, 0, 2), a.compare(b, 2), a.compare(b, 0, 3, 2, 3), a.compare(b, 1, 1), a.compare(b, 0, 1, 1, 1)]);
t('target end oob', () => a.compare(b, 0, 4));
t('source end oob', () => a.compare(b, 0, 3, 0, 4));
t('target start oob', () => a.compare(b, 10, 3));
t('target start big', () => a.compare(b, 5));
t('source start big', () => a.compare(b, 0, 3, 5));
t('neg', () => a.compare(b, -1));
t('float', () => a.compare(b, 0.5));
t('str', () => a.compare(b, '1'));
t('bad target', () => a.compare('abc'));
