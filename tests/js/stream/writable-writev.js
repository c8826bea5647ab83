// _writev receives everything buffered behind a write in progress, with
// encodings and allBuffers; each write's callback is called.
const { Writable } = require('stream');

const w = new Writable({
  decodeStrings: false,
  write(chunk, enc, cb) {
    console.log('_write', JSON.stringify(chunk), enc);
    setImmediate(cb);
  },
  writev(chunks, cb) {
    console.log('_writev', chunks.length, JSON.stringify(chunks.map((c) => [String(c.chunk), c.encoding])),
      'allBuffers', chunks.allBuffers);
    setImmediate(cb);
  },
});
w.write('first', () => console.log('cb first'));
w.write('second', 'latin1', () => console.log('cb second'));
w.write(Buffer.from('third'), () => console.log('cb third'));
w.write('fourth');
w.end(() => console.log('end cb'));

const onlyV = new Writable({
  objectMode: true,
  writev(chunks, cb) {
    console.log('writev only', chunks.map((c) => c.chunk).join('+'));
    cb();
  },
});
onlyV.write('solo');
onlyV.end();
onlyV.on('finish', () => console.log('onlyV finish'));
