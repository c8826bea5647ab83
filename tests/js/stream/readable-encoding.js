// setEncoding: characters split across chunks come out whole; hex and
// base64 decoding; buffered data converted when setEncoding comes late.
const { Readable } = require('stream');

const euro = Buffer.from('€uro ✓', 'utf8');
const r = new Readable({ read() {} });
r.setEncoding('utf8');
console.log('readableEncoding', r.readableEncoding);
const parts = [];
r.on('data', (d) => parts.push(d));
r.on('end', () => console.log('utf8 parts', JSON.stringify(parts)));
for (let i = 0; i < euro.length; i++) r.push(euro.subarray(i, i + 1));
r.push(null);

const hex = new Readable({ read() {} });
hex.push(Buffer.from([0xde, 0xad]));
hex.push(Buffer.from([0xbe, 0xef]));
hex.setEncoding('hex');
console.log('late setEncoding buffered', hex.readableLength, JSON.stringify(hex.read()));

const b64 = new Readable({ encoding: 'base64', read() {} });
b64.push(Buffer.from('hello'));
b64.push(Buffer.from(' world'));
b64.push(null);
let s = '';
b64.on('data', (d) => (s += d));
b64.on('end', () => console.log('base64', s, Buffer.from(s, 'base64').toString()));

const strs = new Readable({ read() {} });
strs.push('caf\u00e9', 'latin1');
strs.push(null);
strs.on('data', (d) => console.log('latin1 push as bytes', d));
try {
  new Readable().setEncoding('nope');
} catch (e) {
  console.log(e.code, e.message);
}
