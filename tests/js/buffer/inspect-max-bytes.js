'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const buffer = require('buffer');
console.log(buffer.INSPECT_MAX_BYTES);
buffer.INSPECT_MAX_BYTES = 4;
console.log(Buffer.from('hello'), Buffer.from('hell'), Buffer.from('hel'));
buffer.INSPECT_MAX_BYTES = 0;
console.log(Buffer.from('hi'));
t('bad', () => { buffer.INSPECT_MAX_BYTES = -1; });
t('str', () => { buffer.INSPECT_MAX_BYTES = '3'; });
buffer.INSPECT_MAX_BYTES = 50;
console.log(Buffer.alloc(3));
