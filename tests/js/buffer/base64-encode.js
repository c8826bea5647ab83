'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
for (const n of [0, 1, 2, 3, 4, 5, 6]) {
  const b = Buffer.from([0xfb, 0xff, 0xbf, 0x00, 0x3e, 0x3f].slice(0, n));
  console.log(n, JSON.stringify(b.toString('base64')), JSON.stringify(b.toString('base64url')));
}
console.log(Buffer.byteLength('aGVsbG8=', 'base64'), Buffer.byteLength('aGVsbG8', 'base64'), Buffer.byteLength('aGVsbA==', 'base64url'), Buffer.byteLength('a b c d', 'base64'));
const all = Buffer.alloc(256); for (let i = 0; i < 256; i++) all[i] = i;
console.log(all.toString('base64'));
console.log(Buffer.from(all.toString('base64'), 'base64').equals(all), Buffer.from(all.toString('base64url'), 'base64url').equals(all));
