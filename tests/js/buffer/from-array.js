'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
t('array', () => Buffer.from([1, 2, 3]));
t('wrap', () => Buffer.from([256, 257, -1, -256, 1.9, -1.9]));
t('strings', () => Buffer.from(['1', 'a', '0x10', null, undefined, true]));
t('empty', () => Buffer.from([]));
t('NaN', () => Buffer.from([NaN, Infinity, -Infinity]));
t('sparse', () => Buffer.from([1, , 3]));
t('typed u16', () => Buffer.from(new Uint16Array([1, 256, 65535])));
t('typed f64', () => Buffer.from(new Float64Array([1.5, -2, 300])));
t('buffer copy', () => { const a = Buffer.from('ab'); const b = Buffer.from(a); b[0] = 0; return [a, b]; });
