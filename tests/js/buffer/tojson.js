'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
t('json', () => JSON.stringify(Buffer.from('hi')));
t('empty', () => JSON.stringify(Buffer.alloc(0)));
t('nested', () => JSON.stringify({ a: Buffer.from([1, 2]) }));
t('toJSON', () => Buffer.from([3]).toJSON());
t('revive', () => JSON.parse(JSON.stringify(Buffer.from('ok')), (k, v) => (v && v.type === 'Buffer' ? Buffer.from(v.data) : v)));
