// Callback misuse: calling _write's callback twice, _final's twice; and
// end(cb) after finishing.
const { Writable } = require('stream');

const twice = new Writable({
  write(chunk, enc, cb) {
    cb();
    cb();
  },
});
twice.on('error', (e) => console.log('write cb twice:', e.code, e.message));
twice.write('x');

const finalTwice = new Writable({
  write(c, e, cb) { cb(); },
  final(cb) {
    cb();
    cb();
  },
});
finalTwice.on('error', (e) => console.log('final cb twice:', e.code, e.message));
finalTwice.on('finish', () => console.log('finalTwice finish'));
finalTwice.end();

const done = new Writable({ write(c, e, cb) { cb(); } });
done.end(() => {
  done.end((err) => console.log('end after finish:', err && err.code, err && err.message));
  done.write('x', (err) => console.log('write after finish:', err.code));
  done.on('error', (err) => console.log('error event', err.code));
});
