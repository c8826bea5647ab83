// A Duplex with object mode on one side: writes take objects, reads give
// bytes (and the other way round).
const { Duplex } = require('stream');

const d = new Duplex({
  writableObjectMode: true,
  read() {},
  write(obj, enc, cb) {
    this.push(`${JSON.stringify(obj)}\n`);
    cb();
  },
  final(cb) {
    this.push(null);
    cb();
  },
});
console.log('sides', d.writableObjectMode, d.readableObjectMode,
  d.writableHighWaterMark, d.readableHighWaterMark);
const chunks = [];
d.on('data', (c) => chunks.push(c));
d.on('end', () => console.log('bytes', Buffer.isBuffer(chunks[0]), Buffer.concat(chunks).toString()));
d.write({ a: 1 });
d.write([true, null]);
d.end();

const e = new Duplex({
  readableObjectMode: true,
  read() {},
  write(chunk, enc, cb) {
    this.push({ len: chunk.length, type: typeof chunk });
    cb();
  },
});
e.on('data', (o) => console.log('object out', o));
e.write('bytes in');
try {
  e.write({ not: 'bytes' });
} catch (err) {
  console.log(err.code);
}
