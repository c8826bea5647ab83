// pipe(dest, { end: false }) leaves the destination open; two sources can
// then be piped into it one after the other.
const { Readable, Writable } = require('stream');

const parts = [];
const dst = new Writable({
  objectMode: true,
  write(chunk, enc, cb) {
    parts.push(chunk);
    cb();
  },
});
dst.on('finish', () => console.log('finish', parts.join(',')));
const first = Readable.from(['a', 'b']);
first.pipe(dst, { end: false });
first.on('end', () => {
  console.log('first end, dst ended?', dst.writableEnded);
  const second = Readable.from(['c', 'd']);
  second.pipe(dst);
  second.on('end', () => console.log('second end'));
});
