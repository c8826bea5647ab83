'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const u = new Uint8Array([104, 105, 0xff]);
t('equals', () => Buffer.prototype.equals.call(u, Buffer.from([104, 105, 255])));
t('readUInt16BE', () => Buffer.prototype.readUInt16BE.call(u, 1));
t('indexOf', () => Buffer.prototype.indexOf.call(u, 105));
t('slice', () => Buffer.prototype.slice.call(u, 1));
t('copy', () => { const d = Buffer.alloc(3); return [Buffer.prototype.copy.call(u, d), d]; });
t('isBuffer', () => Buffer.isBuffer(u));
