'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const { StringDecoder } = require('string_decoder');
const u = new StringDecoder('utf16le');
const b = Buffer.from('a😀b', 'utf16le');
const parts = [];
for (let i = 0; i < b.length; i += 3) parts.push(JSON.stringify(u.write(b.subarray(i, i + 3))));
console.log(parts.join(' '), JSON.stringify(u.end()));
console.log(JSON.stringify(u.write(Buffer.from([0x61]))), JSON.stringify(u.end()));
console.log(JSON.stringify(u.write(Buffer.from([0x3d, 0xd8]))), u.lastNeed, JSON.stringify(u.end()).length);
const s = new StringDecoder('base64');
console.log(s.write(Buffer.from('ab')), s.write(Buffer.from('c')), s.write(Buffer.from('defg')), s.end());
console.log(s.write(Buffer.from('a')), s.end(Buffer.from('b')));
const su = new StringDecoder('base64url');
console.log(su.write(Buffer.from([0xfb, 0xff])), su.end());
const h = new StringDecoder('hex');
console.log(h.write(Buffer.from([1, 255])), h.end(Buffer.from([16])), h.encoding);
const l = new StringDecoder('latin1');
console.log(l.write(Buffer.from([0xe9])), l.encoding, new StringDecoder('binary').encoding, new StringDecoder('ascii').write(Buffer.from([0xe9])));
