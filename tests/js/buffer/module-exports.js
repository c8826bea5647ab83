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
console.log(Object.keys(buffer));
console.log(buffer.kMaxLength, buffer.kStringMaxLength, buffer.constants);
console.log(buffer.constants.MAX_LENGTH === buffer.kMaxLength, Object.isFrozen(buffer.constants));
console.log(require('node:buffer') === buffer, buffer.Buffer === Buffer, globalThis.Buffer === Buffer);
console.log(buffer.atob === atob, buffer.btoa === btoa, buffer.Blob === Blob);
console.log(Object.getOwnPropertyDescriptor(globalThis, 'Buffer').enumerable, Object.keys(globalThis).includes('atob'));
