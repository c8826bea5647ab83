'use strict';
const { StringDecoder } = require('string_decoder');
const show = (s) => [...s].map((c) => c.charCodeAt(0).toString(16)).join(' ');
const cases = [['utf8', 'e282'], ['utf8', 'f09f98'], ['utf8', 'c3'], ['utf16le', '41'], ['utf16le', '3dd8'], ['utf16le', '3dd841'], ['base64', '01'], ['base64', '0102'], ['base64url', 'fbff'], ['hex', '0f']];
for (const [enc, hex] of cases) {
  const d = new StringDecoder(enc);
  const w = d.write(Buffer.from(hex, 'hex'));
  const need = d.lastNeed, total = d.lastTotal;
  const e = d.end();
  const again = d.end();
  console.log(enc, hex, JSON.stringify(show(w)), need, total, JSON.stringify(show(e)), JSON.stringify(again));
}
const d = new StringDecoder('utf8');
d.write(Buffer.from([0xe2]));
console.log(show(d.end(Buffer.from([0x82, 0xac]))), show(d.write(Buffer.from([0xe2, 0x82, 0xac, 0xe2]))), show(d.end()));
