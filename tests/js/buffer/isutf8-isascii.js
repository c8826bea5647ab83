'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const { isUtf8, isAscii } = require('buffer');
t('utf8 ok', () => [isUtf8(Buffer.from('héllo€😀')), isUtf8(Buffer.alloc(0)), isUtf8(new ArrayBuffer(2))]);
t('utf8 bad', () => ['ff', 'c0af', 'eda080', 'e282', 'f4908080', '80'].map((h) => isUtf8(Buffer.from(h, 'hex'))));
t('utf8 view', () => [isUtf8(new Uint16Array([0x41])), isUtf8(new DataView(new ArrayBuffer(1)))]);
t('utf8 bad arg', () => isUtf8('abc'));
t('ascii', () => [isAscii(Buffer.from('abc')), isAscii(Buffer.from('é')), isAscii(new Uint8Array([0x7f])), isAscii(new Uint8Array([0x80])), isAscii(new ArrayBuffer(3))]);
t('ascii bad arg', () => isAscii([1]));
t('ascii long', () => { const b = Buffer.alloc(1000, 'a'); const r = [isAscii(b)]; b[999] = 200; r.push(isAscii(b)); return r; });
