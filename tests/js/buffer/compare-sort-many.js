'use strict';
let seed = 12345;
function rnd(n) { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; }
function fnv(str) { let h = 0x811c9dc5; for (let i = 0; i < str.length; i++) { h ^= str.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; } return h.toString(16); }
function randBytes(n) { const b = Buffer.alloc(n); for (let i = 0; i < n; i++) b[i] = rnd(256); return b; }

const bufs = [];
for (let i = 0; i < 200; i++) bufs.push(randBytes(rnd(5)));
bufs.sort(Buffer.compare);
console.log(fnv(bufs.map((b) => b.toString('hex')).join()));
for (let i = 1; i < bufs.length; i++) if (bufs[i - 1].compare(bufs[i]) > 0) console.log('unsorted at', i);
console.log(bufs.slice(0, 5), bufs.slice(-2));
const a = Buffer.from([1, 2, 3]);
console.log(a.compare(Buffer.from([1, 2, 3, 0])), a.compare(Buffer.from([1, 2])), a.compare(Buffer.from([0, 9, 9, 9])), a.compare(Buffer.from([])));
