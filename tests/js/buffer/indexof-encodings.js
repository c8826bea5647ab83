'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const b = Buffer.from('abc€def', 'utf16le');
t('ucs2', () => [b.indexOf('c', 0, 'ucs2'), b.indexOf('€', 0, 'utf16le'), b.lastIndexOf('d', undefined, 'ucs2'), b.indexOf('c', 5, 'ucs2')]);
t('ucs2 odd align', () => [Buffer.from([0x00, 0x61, 0x00]).indexOf('a', 0, 'ucs2'), Buffer.from([0x61, 0x00, 0x62, 0x00]).indexOf('b', 1, 'ucs2'), Buffer.from([0x61, 0x00, 0x62, 0x00]).indexOf('b', 3, 'ucs2')]);
const h = Buffer.from('hello');
t('hex', () => [h.indexOf('6c6c', 0, 'hex'), h.indexOf('6c', 0, 'HEX'), h.indexOf('zz', 0, 'hex')]);
t('base64', () => [h.indexOf('bGw=', 0, 'base64')]);
t('latin1', () => [Buffer.from('aÿb', 'latin1').indexOf('ÿ', 0, 'latin1'), Buffer.from('aÿb', 'latin1').indexOf('ÿ', 0, 'binary')]);
t('ascii', () => h.indexOf('ll', 0, 'ascii'));
t('unknown', () => h.indexOf('l', 0, 'nope'));
t('unknown buf', () => h.indexOf(Buffer.from('l'), 0, 'nope'));
