// finished() options: error: false ignores 'error'; readable/writable pick
// the side; promises.finished with cleanup removes its listeners.
const { finished, PassThrough, Readable } = require('stream');
const { finished: fin } = require('stream/promises');

const a = new PassThrough();
a.on('error', () => {});
finished(a, { error: false }, (err) => console.log('error:false called back with', err && err.code));
a.emit('error', new Error('ignored by finished'));
a.destroy();

const b = new PassThrough();
finished(b, { writable: false }, (err) => console.log('readable side only:', err));
b.end('data');
b.resume();

(async () => {
  const r = Readable.from(['z']);
  const before = r.listenerCount('end');
  r.resume();
  await fin(r, { cleanup: true });
  console.log('cleanup: listeners back to', r.listenerCount('end') === before);
  try {
    await fin(r, { cleanup: 'yes' });
  } catch (e) {
    console.log(e.code, e.message);
  }
})();
