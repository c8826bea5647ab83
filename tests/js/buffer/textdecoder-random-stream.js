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

const text = 'héllo wörld € 😀 日本語 end'.repeat(3);
for (const enc of ['utf-8', 'utf-16le', 'utf-16be']) {
  let bytes = enc === 'utf-8' ? Buffer.from(text) : Buffer.from(text, 'utf16le');
  if (enc === 'utf-16be') bytes = Buffer.from(bytes).swap16();
  const d = new TextDecoder(enc);
  let ok = true;
  for (let trial = 0; trial < 20; trial++) {
    let out = '';
    for (let i = 0; i < bytes.length;) {
      const n = 1 + rnd(6);
      out += d.decode(bytes.subarray(i, i + n), { stream: true });
      i += n;
    }
    out += d.decode();
    if (out !== text) ok = false;
  }
  console.log(enc, ok);
}
const junk = Buffer.alloc(300);
for (let i = 0; i < junk.length; i++) junk[i] = [0x41, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xff, 0x80, 0xed, 0xa0][rnd(14)];
const whole = new TextDecoder().decode(junk);
const d = new TextDecoder();
let parts = '';
for (let i = 0; i < junk.length;) { const n = 1 + rnd(4); parts += d.decode(junk.subarray(i, i + n), { stream: true }); i += n; }
parts += d.decode();
console.log(whole === parts, whole === junk.toString(), fnv(whole));
