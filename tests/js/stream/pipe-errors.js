// pipe() does not forward errors: an error on the destination unpipes it;
// an error on the source leaves the destination open.
const { Readable, Writable, PassThrough } = require('stream');

const src = new Readable({ objectMode: true, read() {} });
const dst = new Writable({
  objectMode: true,
  write(chunk, enc, cb) {
    cb(chunk === 'bad' ? new Error('cannot write bad') : null);
  },
});
src.on('unpipe', () => console.log('never: unpipe is a dest event'));
dst.on('unpipe', () => console.log('dst unpipe'));
dst.on('error', (e) => console.log('dst error', e.message));
dst.on('close', () => console.log('dst close; src paused', src.isPaused(), 'pipes',
  src._readableState.pipes.length));
src.pipe(dst);
src.push('ok');
src.push('bad');

const s2 = new PassThrough();
const d2 = new PassThrough();
s2.pipe(d2);
s2.on('error', (e) => console.log('s2 error', e.message));
s2.destroy(new Error('source broke'));
setTimeout(() => console.log('d2 ended', d2.writableEnded, 'destroyed', d2.destroyed), 5);
