'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const b = Buffer.from('abcdef');
t('slice', () => [b.slice(1, 3).toString(), b.slice(-2).toString(), b.slice(-10, 2).toString(), b.slice(4, 2).length, b.slice().length]);
t('slice NaN', () => [b.slice(NaN, NaN).length, b.slice(NaN).length, b.slice('2', '4').toString(), b.slice(1.9, 3.9).toString()]);
t('slice huge', () => [b.slice(2, 2 ** 40).toString(), b.slice(-(2 ** 40)).toString(), b.slice(Infinity).length]);
t('subarray', () => [b.subarray(1, 3).toString(), b.subarray(-2).toString(), b.subarray(4, 2).length]);
t('isBuffer', () => [Buffer.isBuffer(b.slice(1)), Buffer.isBuffer(b.subarray(1)), b.subarray(1).constructor.name]);
t('offsets', () => [b.slice(2).byteOffset - b.byteOffset, b.subarray(3).byteOffset - b.byteOffset]);
t('map', () => b.map((x) => x + 1));
t('filter', () => Buffer.isBuffer(b.filter((x) => x > 99)));
t('Uint8 slice', () => Uint8Array.prototype.slice.call(b, 1, 3));
t('reverse', () => Buffer.from('abc').reverse().toString());
