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
t('toString -0', () => b.toString('utf8', -0, -0));
t('slice -0', () => [b.slice(-0).length, b.subarray(-0, 2).toString()]);
t('indexOf -0', () => [b.indexOf('a', -0), b.lastIndexOf('f', -0), b.includes('a', -0)]);
t('fill -0', () => Buffer.alloc(3).fill(1, -0));
t('write -0', () => Buffer.alloc(3).write('x', -0));
t('copy -0', () => b.copy(Buffer.alloc(2), -0, -0));
t('readUInt8 -0', () => b.readUInt8(-0));
t('writeUInt8 -0 value', () => { const x = Buffer.alloc(1); x.writeInt8(-0); return x; });
t('read NaN', () => b.readUInt16BE(NaN));
t('write NaN offset', () => Buffer.alloc(2).write('x', NaN));
t('fill NaN offset', () => Buffer.alloc(2).fill(1, NaN));
t('copy NaN', () => b.copy(Buffer.alloc(2), NaN, NaN, NaN));
t('compare NaN', () => b.compare(b, NaN));
t('slice NaN end', () => b.slice(0, NaN).length);
t('toString NaN end', () => JSON.stringify(b.toString('utf8', 0, NaN)));
t('alloc -0', () => Buffer.alloc(-0));
