'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
let seed = 12345;
function rnd(n) { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; }
function fnv(str) { let h = 0x811c9dc5; for (let i = 0; i < str.length; i++) { h ^= str.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; } return h.toString(16); }
function randBytes(n) { const b = Buffer.alloc(n); for (let i = 0; i < n; i++) b[i] = rnd(256); return b; }

// Bytes drawn mostly from the interesting UTF-8 ranges.
const pool = [0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff];
const out = [];
for (let k = 0; k < 300; k++) {
  const n = 1 + rnd(8);
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = pool[rnd(pool.length)];
  const s = b.toString();
  out.push(fnv(s));
  if (k < 12) console.log(b.toString('hex'), [...s].map((c) => c.codePointAt(0).toString(16)).join(' '));
}
console.log(fnv(out.join()));
const big = Buffer.alloc(20000);
for (let i = 0; i < big.length; i++) big[i] = pool[rnd(pool.length)];
console.log(fnv(big.toString()), big.toString().length, require('buffer').isUtf8(big));
