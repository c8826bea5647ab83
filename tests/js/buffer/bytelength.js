'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
t('utf8', () => Buffer.byteLength('héllo€😀'));
t('views', () => [Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength(new ArrayBuffer(7)), Buffer.byteLength(new DataView(new ArrayBuffer(5))), Buffer.byteLength(Buffer.alloc(4))]);
t('number', () => Buffer.byteLength(5));
t('array', () => Buffer.byteLength([1, 2]));
t('unknown enc', () => Buffer.byteLength('héllo', 'nope'));
t('empty', () => Buffer.byteLength(''));
t('ucs2', () => Buffer.byteLength('abc', 'ucs2'));
t('base64 pad', () => [Buffer.byteLength('ab==', 'base64'), Buffer.byteLength('a=', 'base64'), Buffer.byteLength('=', 'base64'), Buffer.byteLength('==', 'base64')]);
t('long', () => Buffer.byteLength('€'.repeat(10000)));
