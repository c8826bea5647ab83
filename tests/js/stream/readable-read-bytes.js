// read(n) on byte streams: exact sizes across chunk boundaries, null when
// not enough is buffered, everything at the end; the mark grows for a
// large n.
const { Readable } = require('stream');

const r = new Readable({ highWaterMark: 8, read() {} });
r.push(Buffer.from('abc'));
r.push(Buffer.from('defgh'));
r.push(Buffer.from('ij'));
console.log('length', r.readableLength);
console.log('read(4)', String(r.read(4)));
console.log('read(5)', String(r.read(5)));
console.log('read(5) with 1 left', r.read(5));
console.log('read(0)', r.read(0));
console.log('hwm before', r.readableHighWaterMark);
console.log('read(100)', r.read(100));
console.log('hwm after read(100)', r.readableHighWaterMark);
r.push(null);
console.log('read(5) after end', String(r.read(5)));
console.log('read() at end', r.read());
r.on('end', () => console.log('end'));
try {
  r.read(2 ** 31);
} catch (e) {
  console.log(e.code, e.message);
}
