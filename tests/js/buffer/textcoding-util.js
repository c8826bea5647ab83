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
console.log(util.TextEncoder === TextEncoder, util.TextDecoder === TextDecoder);
console.log(Object.getOwnPropertyNames(TextEncoder.prototype), Object.getOwnPropertyNames(TextDecoder.prototype));
console.log(new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }));
console.log(util.inspect(new TextEncoder()), typeof TextEncoder, TextEncoder.name, TextDecoder.length);
console.log(Object.getOwnPropertyDescriptor(globalThis, 'TextEncoder').enumerable);
const round = (s) => new TextDecoder().decode(new TextEncoder().encode(s));
console.log(round('héllo wörld €𝄞') === 'héllo wörld €𝄞', JSON.stringify(round('a\ud800b')));
