// Destroying a writable fails the queued writes and end callbacks with
// ERR_STREAM_DESTROYED (or the destroy error), a tick later.
const { Writable } = require('stream');

const w = new Writable({
  objectMode: true,
  write(chunk, enc, cb) {
    console.log('_write', chunk);
    setTimeout(cb, 5);
  },
});
w.on('error', (e) => console.log('error event', e.message));
w.write(1, (e) => console.log('cb 1', e && e.code));
w.write(2, (e) => console.log('cb 2', e && e.code));
w.write(3, (e) => console.log('cb 3', e && e.code));
w.end((e) => console.log('end cb', e && e.code));
console.log('length before destroy', w.writableLength);
w.destroy();
console.log('destroyed', w.destroyed, 'length', w.writableLength);
w.on('close', () => console.log('close, length', w.writableLength));

const w2 = new Writable({
  write(chunk, enc, cb) {
    setTimeout(cb, 5);
  },
});
w2.on('error', (e) => console.log('w2 error', e.message));
w2.write('a');
w2.write('b', (e) => console.log('w2 queued cb', e && e.message));
w2.destroy(new Error('stop'));
