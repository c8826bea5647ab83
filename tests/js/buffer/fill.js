'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const b = Buffer.alloc(6);
t('num', () => b.fill(7));
t('num range', () => b.fill(1, 2, 4));
t('str', () => b.fill('ab'));
t('str offset', () => b.fill('x', 4));
t('str enc 2nd', () => b.fill('6162', 'hex'));
t('str enc 3rd', () => b.fill('63', 1, 'hex'));
t('str enc 4th', () => b.fill('64', 1, 2, 'hex'));
t('multibyte', () => b.fill('€'));
t('buf', () => b.fill(Buffer.from([1, 2, 3, 4])));
t('u16', () => b.fill(new Uint16Array([0xabcd])));
t('bool', () => b.fill(true));
t('obj', () => b.fill({}));
t('null', () => b.fill(null));
t('float', () => b.fill(2.9));
t('neg', () => b.fill(-2));
t('latin1 char', () => b.fill('ÿ', 'latin1'));
t('utf8 1 char high', () => b.fill('ÿ'));
t('ucs2', () => b.fill('a', 'ucs2'));
