'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
t('basic', () => Buffer.concat([Buffer.from('ab'), Buffer.from('cd')]));
t('empty list', () => Buffer.concat([]));
t('length less', () => Buffer.concat([Buffer.from('abc'), Buffer.from('def')], 4));
t('length more', () => Buffer.concat([Buffer.from('ab')], 5));
t('u8', () => Buffer.concat([new Uint8Array([1, 2]), Buffer.from([3])]));
t('not array', () => Buffer.concat('ab'));
t('bad element', () => Buffer.concat([Buffer.from('a'), 'b']));
t('bad element u16', () => Buffer.concat([new Uint16Array(1)]));
t('length neg', () => Buffer.concat([Buffer.from('a')], -1));
t('length float', () => Buffer.concat([Buffer.from('a')], 1.5));
t('length str', () => Buffer.concat([Buffer.from('a')], '1'));
t('isBuffer', () => Buffer.isBuffer(Buffer.concat([new Uint8Array(1)])));
t('copy not view', () => { const a = Buffer.from('x'); const c = Buffer.concat([a]); c[0] = 0x79; return a.toString(); });
