'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
t('odd', () => Buffer.from('abc', 'hex'));
t('bad pair', () => Buffer.from('ab zz cd', 'hex'));
t('bad second', () => Buffer.from('a1g2', 'hex'));
t('bad first', () => Buffer.from('zz', 'hex'));
t('upper', () => Buffer.from('DEADbeef', 'hex'));
t('unicode', () => Buffer.from('ab€d', 'hex'));
t('byteLength', () => [Buffer.byteLength('abc', 'hex'), Buffer.byteLength('zzzz', 'hex')]);
t('write bad', () => { const b = Buffer.alloc(4); return [b.write('zz', 'hex'), b.write('01zz', 'hex'), b]; });
t('write odd', () => { const b = Buffer.alloc(4); return [b.write('123', 'hex'), b]; });
t('write limit', () => { const b = Buffer.alloc(4); return [b.write('0102030405', 1, 2, 'hex'), b]; });
t('toString', () => Buffer.from([0, 15, 16, 255]).toString('hex'));
t('toString range', () => Buffer.from([0, 15, 16, 255]).toString('hex', 1, 3));
