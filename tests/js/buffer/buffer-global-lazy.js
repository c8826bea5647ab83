'use strict';
const d = Object.getOwnPropertyDescriptor(globalThis, 'Buffer');
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable);
console.log(typeof Buffer);
const after = Object.getOwnPropertyDescriptor(globalThis, 'Buffer');
console.log(typeof after.value === 'function' || typeof after.get === 'function');
globalThis.Buffer = 5;
console.log(Buffer, require('buffer').Buffer.name);
for (const k of ['atob', 'btoa', 'TextEncoder', 'TextDecoder', 'Blob', 'File']) {
  const x = Object.getOwnPropertyDescriptor(globalThis, k);
  console.log(k, x.enumerable, x.configurable, typeof globalThis[k]);
}
