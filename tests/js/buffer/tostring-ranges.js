'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const b = Buffer.from('hello world');
t('none', () => b.toString());
t('undefined enc', () => b.toString(undefined, 2, 5));
t('start neg', () => b.toString('utf8', -3));
t('start NaN', () => b.toString('utf8', NaN, 4));
t('start str', () => b.toString('utf8', '2', '4'));
t('start float', () => b.toString('utf8', 1.9, 4.9));
t('end beyond', () => b.toString('utf8', 6, 100));
t('end before', () => JSON.stringify(b.toString('utf8', 5, 2)));
t('start beyond', () => JSON.stringify(b.toString('utf8', 20)));
t('end neg', () => JSON.stringify(b.toString('utf8', 0, -1)));
t('end null', () => JSON.stringify(b.toString('utf8', 0, null)));
t('unknown enc', () => b.toString('nope'));
t('enc null', () => b.toString(null));
t('enc case', () => b.toString('HEX', 0, 2));
t('empty', () => JSON.stringify(Buffer.alloc(0).toString('base64')));
t('-0', () => b.toString('utf8', -0, 2));
t('Infinity', () => b.toString('utf8', 0, Infinity));
