'use strict';
let seed = 12345;
function rnd(n) { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; }
function fnv(str) { let h = 0x811c9dc5; for (let i = 0; i < str.length; i++) { h ^= str.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; } return h.toString(16); }
function randBytes(n) { const b = Buffer.alloc(n); for (let i = 0; i < n; i++) b[i] = rnd(256); return b; }

const b = Buffer.alloc(16);
const res = [];
for (let k = 0; k < 100; k++) {
  const size = 1 + rnd(6);
  const off = rnd(16 - size + 1);
  const u = Math.floor((rnd(1 << 24) * 16777216 + rnd(1 << 24)) % 2 ** (size * 8));
  b.writeUIntBE(u, off, size);
  const r1 = b.readUIntBE(off, size);
  b.writeUIntLE(u, off, size);
  const r2 = b.readUIntLE(off, size);
  const s = u - 2 ** (size * 8 - 1);
  b.writeIntLE(s, off, size);
  const r3 = b.readIntLE(off, size);
  b.writeIntBE(s, off, size);
  const r4 = b.readIntBE(off, size);
  res.push(r1 === u && r2 === u && r3 === s && r4 === s ? 1 : 0);
}
console.log(res.join(''), fnv(b.toString('hex')));
for (let k = 0; k < 5; k++) {
  const v = (BigInt(rnd(1 << 30)) << 34n) | BigInt(rnd(1 << 30));
  b.writeBigUInt64BE(v, 3);
  console.log(v, b.readBigUInt64BE(3), b.readBigInt64LE(3), b.readDoubleBE(3), b.readFloatLE(5));
}
