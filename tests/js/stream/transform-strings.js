// A Transform working on strings: decodeStrings: false keeps the written
// strings, setEncoding makes the output strings; a line splitter that
// keeps a partial line between chunks.
const { Transform } = require('stream');

const lines = new Transform({
  readableObjectMode: true,
  decodeStrings: false,
  transform(chunk, enc, cb) {
    this.rest = (this.rest || '') + chunk;
    const parts = this.rest.split('\n');
    this.rest = parts.pop();
    for (const p of parts) this.push(p);
    cb();
  },
  flush(cb) {
    if (this.rest) this.push(this.rest);
    cb();
  },
});
const got = [];
lines.on('data', (l) => got.push(l));
lines.on('end', () => console.log('lines', JSON.stringify(got)));
lines.write('alpha\nbe');
lines.write('ta\ngam');
lines.end('ma\ndelta');

const rev = new Transform({
  transform(chunk, enc, cb) {
    cb(null, Buffer.from(chunk).reverse());
  },
});
rev.setEncoding('utf8');
rev.on('data', (s) => console.log('reversed', typeof s, s));
rev.end('stressed');
