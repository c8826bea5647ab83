'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
t('encode', () => Buffer.from('a€😀', 'utf16le'));
t('ucs2', () => Buffer.from('ab', 'ucs2'));
t('decode', () => Buffer.from('61002c2084d800de', 'hex').toString('utf16le'));
t('odd length', () => JSON.stringify(Buffer.from([0x61, 0, 0x62]).toString('utf16le')));
t('lone surrogate kept', () => Buffer.from([0x00, 0xd8]).toString('ucs2').charCodeAt(0).toString(16));
t('byteLength', () => Buffer.byteLength('a€😀', 'utf16le'));
t('write odd room', () => { const b = Buffer.alloc(5); return [b.write('abc', 'utf16le'), b]; });
t('range', () => Buffer.from('abcd', 'utf16le').toString('utf16le', 1, 6));
