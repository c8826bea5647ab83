// cork/uncork: writes wait while corked and go out together through
// _writev, with each chunk's callback; nested corks need as many uncorks.
const { Writable } = require('stream');

const w = new Writable({
  objectMode: true,
  write(chunk, enc, cb) {
    console.log('_write', chunk);
    cb();
  },
  writev(chunks, cb) {
    console.log('_writev', chunks.map((c) => c.chunk).join(','));
    cb();
  },
});
w.write('solo', () => console.log('cb solo'));
w.cork();
w.cork();
console.log('corked', w.writableCorked);
w.write('a', () => console.log('cb a'));
w.write('b', () => console.log('cb b'));
w.write('c');
console.log('buffered', w.writableLength, w.writableBuffer.length);
w.uncork();
console.log('still corked', w.writableCorked, 'length', w.writableLength);
process.nextTick(() => {
  w.uncork();
  console.log('uncorked', w.writableCorked, 'length', w.writableLength);
  w.cork();
  w.write('x');
  w.write('y');
  w.end('z');
  console.log('end uncorks', w.writableCorked);
});
w.on('finish', () => console.log('finish'));
