'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const util = require('util');
console.log(util.inspect(Buffer.from).slice(0, 30));
console.log(typeof Buffer, Buffer.name, Buffer.length, Object.getPrototypeOf(Buffer) === Uint8Array);
console.log(Buffer[Symbol.species] === Buffer, Buffer[Symbol.species].name);
console.log(util.types.isUint8Array(Buffer.alloc(1)), util.types.isTypedArray(Buffer.alloc(1)), util.types.isArrayBufferView(Buffer.alloc(1)));
console.log(util.isBuffer(Buffer.alloc(1)), util.isBuffer(new Uint8Array(1)));
console.log(Object.prototype.toString.call(Buffer.alloc(1)), Buffer.alloc(2).buffer instanceof ArrayBuffer);
console.log(util.inspect(Buffer.alloc(3), { colors: true }));
console.log(require('util').isDeepStrictEqual(Buffer.from('a'), Buffer.from('a')), require('util').isDeepStrictEqual(Buffer.from('a'), new Uint8Array([97])));
