'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const { kMaxLength } = require('buffer');
t('alloc max+1', () => Buffer.alloc(kMaxLength + 1));
t('allocUnsafe 2**53', () => Buffer.allocUnsafe(2 ** 53));
t('concat huge', () => Buffer.concat([Buffer.from('a')], kMaxLength + 1));
t('write huge len', () => Buffer.alloc(4).write('abcdef', 0, 2 ** 40));
t('write len > buf', () => Buffer.alloc(4).write('abcdef', 0, 5));
t('fill huge end', () => Buffer.alloc(4).fill(1, 0, 2 ** 40));
t('read huge offset', () => Buffer.alloc(4).readUInt8(2 ** 40));
t('read huge offset 32', () => Buffer.alloc(4).readUInt32LE(2 ** 53));
t('readIntBE huge', () => Buffer.alloc(4).readIntBE(2 ** 40, 2));
t('toString huge', () => Buffer.from('abc').toString('utf8', 0, 2 ** 60));
t('indexOf huge', () => [Buffer.from('abc').indexOf('c', 2 ** 40), Buffer.from('abc').lastIndexOf('c', 2 ** 40), Buffer.from('abc').indexOf('a', -(2 ** 40))]);
t('copy huge', () => Buffer.from('abc').copy(Buffer.alloc(2), 0, 0, 2 ** 60));
t('slice huge neg', () => Buffer.from('abc').slice(-(2 ** 60), 2 ** 60).toString());
t('from ab huge len', () => Buffer.from(new ArrayBuffer(4), 0, 2 ** 40));
t('compare huge', () => Buffer.from('a').compare(Buffer.from('b'), 0, 2 ** 40));
