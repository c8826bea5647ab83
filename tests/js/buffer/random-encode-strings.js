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

const units = [0x41, 0x7f, 0x80, 0xff, 0x100, 0x7ff, 0x800, 0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffd, 0xffff, 0x0];
const hs = [];
for (let k = 0; k < 200; k++) {
  const n = rnd(6);
  let s = '';
  for (let i = 0; i < n; i++) s += String.fromCharCode(units[rnd(units.length)]);
  for (const enc of ['utf8', 'utf16le', 'latin1', 'ascii']) hs.push(Buffer.from(s, enc).toString('hex'));
  hs.push(String(Buffer.byteLength(s)));
}
console.log(fnv(hs.join()));
let big = '';
for (let i = 0; i < 6000; i++) big += String.fromCharCode(units[rnd(units.length)]);
for (const enc of ['utf8', 'utf16le', 'latin1']) {
  const b = Buffer.from(big, enc);
  console.log(enc, b.length, fnv(b.toString('hex')));
}
console.log(Buffer.byteLength(big), Buffer.from(big).length);
