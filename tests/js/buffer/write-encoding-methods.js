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
t('utf8Write', () => [b.utf8Write('é', 1), b]);
t('latin1Write', () => [b.latin1Write('é', 3), b]);
t('asciiWrite', () => [b.asciiWrite('é€', 4), b]);
t('hexWrite', () => [b.hexWrite('ff', 6), b]);
t('ucs2Write', () => [b.ucs2Write('a', 0, 1), b]);
t('base64Write', () => [b.base64Write('//8=', 0), b]);
t('base64urlWrite', () => [b.base64urlWrite('__8', 5), b]);
t('utf8Write num', () => b.utf8Write(1));
t('utf8Write oob', () => b.utf8Write('a', 9));
t('utf8Write len oob', () => b.utf8Write('a', 0, 100));
t('slices', () => [b.hexSlice(), b.latin1Slice(0, 2), b.asciiSlice(1, 3), b.utf8Slice(5), b.base64Slice(0, 3), b.base64urlSlice(0, 3), b.ucs2Slice(0, 4)]);
t('slice oob', () => b.hexSlice(0, 10));
t('slice neg', () => b.hexSlice(-1));
t('slice reversed', () => JSON.stringify(b.hexSlice(4, 2)));
