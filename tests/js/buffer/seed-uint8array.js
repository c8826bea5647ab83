'use strict';
const b = Buffer.from('hi');
console.log(b instanceof Uint8Array, Object.getPrototypeOf(Buffer.prototype) === Uint8Array.prototype);
const u = new TextEncoder().encode('héllo');
console.log(u, new TextDecoder().decode(u));
console.log(Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString());
