// emitClose: false, autoDestroy: false, and destroy without an error.
const { Readable, Writable } = require('stream');

const quiet = new Readable({ emitClose: false, read() {} });
quiet.on('close', () => console.log('never: emitClose false'));
quiet.destroy();
console.log('quiet destroyed', quiet.destroyed);

const keep = new Writable({ autoDestroy: false, write(c, e, cb) { cb(); } });
keep.on('finish', () => {
  setImmediate(() => console.log('autoDestroy false: destroyed after finish?', keep.destroyed));
});
keep.end('x');

const err = new Writable({
  autoDestroy: false,
  write(c, e, cb) {
    cb(new Error('failed'));
  },
});
err.on('error', (e) => {
  console.log('error without autoDestroy', e.message, 'destroyed', err.destroyed,
    'errored', err.errored && err.errored.message, 'writable', err.writable);
});
err.write('x');

const plain = new Readable({ read() {} });
plain.on('close', () => console.log('close without error; errored', plain.errored,
  'readableAborted', plain.readableAborted));
plain.on('error', () => console.log('never: no error'));
plain.destroy();

const ended = new Readable({ read() {} });
ended.push(null);
ended.resume();
ended.on('end', () => console.log('end: autoDestroy will close'));
ended.on('close', () => console.log('close after end; destroyed', ended.destroyed,
  'readableAborted', ended.readableAborted));
