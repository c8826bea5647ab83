'use strict';
const s = 'a\u0000b\ud83d\ude00\udc00\ud800';
for (const enc of ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'hex']) {
  const b = Buffer.from(s, enc);
  console.log(enc, b.toString('hex'), JSON.stringify(b.toString(enc)));
}
console.log(JSON.stringify(Buffer.from([0, 0, 0x41, 0]).toString('utf16le')), JSON.stringify(Buffer.from([0, 0x41, 0]).toString()));
