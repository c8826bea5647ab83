'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
t('valueOf string', () => Buffer.from(new String('abc')));
t('valueOf obj', () => Buffer.from({ valueOf() { return 'xyz'; } }));
t('valueOf enc', () => Buffer.from({ valueOf() { return '6869'; } }, 'hex'));
t('toPrimitive', () => Buffer.from({ [Symbol.toPrimitive]() { return 'prim'; } }));
t('toPrimitive hex', () => Buffer.from({ [Symbol.toPrimitive](h) { return h === 'string' ? 'ff00' : 'x'; } }, 'hex'));
t('array-like', () => Buffer.from({ length: 3, 0: 1, 1: 2, 2: 3 }));
t('array-like bad len', () => Buffer.from({ length: '3', 0: 1 }));
t('json form', () => Buffer.from({ type: 'Buffer', data: [1, 2, 3] }));
t('json roundtrip', () => Buffer.from(JSON.parse(JSON.stringify(Buffer.from('hi')))));
t('number', () => Buffer.from(5));
t('null', () => Buffer.from(null));
t('undefined', () => Buffer.from());
t('plain object', () => Buffer.from({}));
t('symbol', () => Buffer.from(Symbol('s')));
t('function', () => Buffer.from(() => 1));
t('bool', () => Buffer.from(true));
