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
t('plain', () => [b.write('abc'), b]);
t('offset', () => [b.write('xy', 6), b]);
t('offset len', () => [b.write('12345', 1, 2), b]);
t('enc as 2nd', () => [b.write('6869', 'hex'), b]);
t('enc as 3rd', () => [b.write('6869', 4, 'hex'), b]);
t('all four', () => [b.write('6869', 2, 1, 'hex'), b]);
t('offset end', () => b.write('z', 8));
t('offset past', () => b.write('z', 9));
t('offset neg', () => b.write('z', -1));
t('offset float', () => b.write('z', 1.5));
t('offset str num', () => b.write('z', '1', 1));
t('len past', () => [b.write('abcdefghij', 6, 100), b]);
t('len neg', () => b.write('z', 0, -1));
t('len float', () => b.write('z', 0, 0.5));
t('not string', () => b.write(5));
t('unknown enc', () => b.write('a', 0, 1, 'nope'));
t('null enc', () => b.write('a', 0, 1, null));
t('empty string', () => b.write(''));
t('undefined offset with len', () => b.write('q', undefined, 1));
