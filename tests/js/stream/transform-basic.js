// Transform: _transform output, push of several chunks per input, _flush
// adding a trailer, and the order of 'finish' and 'end'.
const { Transform } = require('stream');

const upper = new Transform({
  decodeStrings: false,
  encoding: 'utf8',
  transform(chunk, enc, cb) {
    console.log('_transform', JSON.stringify(chunk), enc);
    cb(null, chunk.toUpperCase());
  },
  flush(cb) {
    console.log('_flush');
    this.push('[trailer]');
    cb(null, '[done]');
  },
});
const out = [];
upper.on('data', (d) => out.push(d));
upper.on('finish', () => console.log('finish'));
upper.on('end', () => console.log('end', JSON.stringify(out)));
upper.on('close', () => console.log('close'));
upper.write('abc');
upper.write('def', () => console.log('write cb'));
upper.end('ghi');
console.log('sync done');
