'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const b = Buffer.from([1, 2, 3, 1, 2, 3, 255]);
t('numbers', () => [b.indexOf(2), b.indexOf(2, 2), b.lastIndexOf(2), b.lastIndexOf(2, 3), b.indexOf(255), b.indexOf(-1), b.indexOf(257), b.indexOf(2.5), b.indexOf(9)]);
t('num offsets', () => [b.indexOf(1, -4), b.indexOf(1, -100), b.lastIndexOf(1, -100), b.lastIndexOf(3, -2), b.indexOf(1, 100)]);
t('buffers', () => [b.indexOf(Buffer.from([2, 3])), b.lastIndexOf(Buffer.from([2, 3])), b.indexOf(new Uint8Array([3, 255])), b.indexOf(Buffer.alloc(0)), b.indexOf(Buffer.from([1, 2, 3, 1, 2, 3, 255, 0]))]);
t('includes', () => [b.includes(255), b.includes(4), b.includes(Buffer.from([3, 1]))]);
t('bad value', () => b.indexOf({}));
t('bad value u16', () => b.indexOf(new Uint16Array(1)));
t('bool', () => b.indexOf(true));
t('neg zero', () => [b.indexOf(1, -0), b.lastIndexOf(3, -0)]);
t('large', () => { const big = Buffer.alloc(100000); big[99990] = 7; big.write('needle', 50000); return [big.indexOf(7), big.indexOf('needle'), big.lastIndexOf('needle'), big.indexOf('needle', 50001)]; });
