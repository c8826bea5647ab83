'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
t('16', () => Buffer.from([1, 2, 3, 4]).swap16());
t('32', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap32());
t('64', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]).swap64());
t('16 odd', () => Buffer.from([1, 2, 3]).swap16());
t('32 bad', () => Buffer.from([1, 2, 3, 4, 5, 6]).swap32());
t('64 bad', () => Buffer.alloc(12).swap64());
t('empty', () => [Buffer.alloc(0).swap16(), Buffer.alloc(0).swap64()]);
t('returns this', () => { const b = Buffer.alloc(2); return b.swap16() === b; });
t('big', () => { const b = Buffer.alloc(1024); for (let i = 0; i < 1024; i++) b[i] = i; b.swap32(); return [b[0], b[3], b[1020], b[1023]]; });
t('utf16 be', () => Buffer.from('ab', 'utf16le').swap16().toString('hex'));
