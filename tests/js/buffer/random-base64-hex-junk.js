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

const alpha = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_= \n\t!.é€';
const hex = '0123456789abcdefABCDEFxyz \n';
const hs = [];
for (let k = 0; k < 300; k++) {
  let s = '';
  const n = rnd(14);
  for (let i = 0; i < n; i++) s += alpha[rnd(alpha.length)];
  hs.push(Buffer.from(s, 'base64').toString('hex'), Buffer.from(s, 'base64url').toString('hex'), String(Buffer.byteLength(s, 'base64')));
  let h = '';
  for (let i = 0; i < n; i++) h += hex[rnd(hex.length)];
  hs.push(Buffer.from(h, 'hex').toString('hex'));
  if (k < 10) console.log(JSON.stringify(s), Buffer.from(s, 'base64').toString('hex'), JSON.stringify(h), Buffer.from(h, 'hex').toString('hex'));
}
console.log(fnv(hs.join()));
