// finished(): called once a stream is done, with the error or a premature
// close; the returned function removes its listeners.
const { finished, Readable, Writable, PassThrough } = require('stream');

const r = Readable.from(['a', 'b']);
finished(r, (err) => console.log('readable done', err, r.readableEnded));
r.resume();

const w = new Writable({ write(c, e, cb) { cb(); } });
finished(w, (err) => console.log('writable done', err, w.writableFinished));
w.end('x');

const p = new PassThrough();
finished(p, (err) => console.log('premature', err.code, err.message));
p.destroy();

const e = new PassThrough();
finished(e, (err) => console.log('errored', err.message));
e.destroy(new Error('it broke'));

const c = new PassThrough();
const cleanup = finished(c, () => console.log('never called'));
console.log('cleanup is a function', typeof cleanup);
cleanup();
c.destroy();

const onlyW = new PassThrough();
finished(onlyW, { readable: false }, (err) => console.log('writable side only', err));
onlyW.end('z');

const done = Readable.from([]);
done.resume();
done.on('end', () => {
  setImmediate(() => {
    finished(done, (err) => console.log('already finished stream', err));
  });
});

try {
  finished({}, () => {});
} catch (err) {
  console.log(err.code, err.message);
}
try {
  finished(new PassThrough(), 'nope');
} catch (err) {
  console.log(err.code, err.message);
}
