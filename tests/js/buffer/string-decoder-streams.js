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

const { StringDecoder } = require('string_decoder');
const text = 'héllo wörld € 😀 日本語 \ud800 end';
for (const enc of ['utf8', 'utf16le', 'base64', 'hex', 'latin1']) {
  const bytes = Buffer.from(text, enc === 'base64' || enc === 'hex' ? 'utf8' : enc);
  const outs = [];
  for (let trial = 0; trial < 20; trial++) {
    const d = new StringDecoder(enc);
    let out = '';
    for (let i = 0; i < bytes.length;) {
      const n = 1 + rnd(5);
      out += d.write(bytes.subarray(i, i + n));
      i += n;
    }
    out += d.end();
    outs.push(out);
  }
  const same = outs.every((o) => o === outs[0]);
  console.log(enc, same, outs[0] === bytes.toString(enc), JSON.stringify(outs[0]).slice(0, 60));
}
