'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const s = 'aÿ€\u0100é\u00ff\u0080';
t('latin1', () => Buffer.from(s, 'latin1'));
t('binary', () => Buffer.from(s, 'binary'));
t('ascii enc', () => Buffer.from(s, 'ascii'));
const b = Buffer.from([0x41, 0x80, 0xff, 0x7f, 0x00, 0xc3, 0xa9]);
t('latin1 dec', () => JSON.stringify(b.toString('latin1')));
t('ascii dec', () => JSON.stringify(b.toString('ascii')));
t('ascii codes', () => [...b.toString('ascii')].map((c) => c.charCodeAt(0)));
t('byteLength latin1', () => Buffer.byteLength(s, 'latin1'));
t('byteLength ascii', () => Buffer.byteLength(s, 'ascii'));
