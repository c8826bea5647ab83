'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const b = Buffer.from('abcabc€abc');
t('basic', () => [b.indexOf('b'), b.indexOf('bc'), b.indexOf('abcx'), b.indexOf('€'), b.indexOf('c', 3)]);
t('last', () => [b.lastIndexOf('b'), b.lastIndexOf('abc'), b.lastIndexOf('abc', 5), b.lastIndexOf('abc', 2), b.lastIndexOf('c', -5)]);
t('neg offset', () => [b.indexOf('a', -4), b.indexOf('a', -100), b.lastIndexOf('a', -100)]);
t('big offset', () => [b.indexOf('a', 100), b.lastIndexOf('a', 100)]);
t('empty', () => [b.indexOf(''), b.indexOf('', 3), b.indexOf('', 100), b.lastIndexOf(''), b.lastIndexOf('', 2), b.lastIndexOf('', -100), b.indexOf('', -3)]);
t('empty buffer', () => [Buffer.alloc(0).indexOf(''), Buffer.alloc(0).indexOf('a'), Buffer.alloc(0).lastIndexOf('')]);
t('includes', () => [b.includes('€a'), b.includes('x'), b.includes('a', 8), b.includes('c', -1)]);
t('offset types', () => [b.indexOf('b', '2'), b.indexOf('b', null), b.indexOf('b', {}), b.indexOf('b', []), b.indexOf('b', 1.5), b.indexOf('b', NaN), b.lastIndexOf('b', NaN), b.lastIndexOf('b', undefined)]);
t('string as offset is enc', () => [b.indexOf('6263', 'hex'), b.indexOf('YmM=', 'base64')]);
