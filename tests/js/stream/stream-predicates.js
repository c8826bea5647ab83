// stream.isReadable, isWritable, isErrored, isDisturbed, isDestroyed
// through a stream's life, and on things that are not streams.
const stream = require('stream');
const { Readable, Writable, PassThrough } = stream;

function show(label, s) {
  console.log(label.padEnd(18), ['isReadable', 'isWritable', 'isErrored', 'isDisturbed', 'isDestroyed']
    .map((f) => `${f}=${stream[f](s)}`).join(' '));
}
const r = new Readable({ read() {} });
show('fresh readable', r);
r.push('x');
r.read();
show('after a read', r);
r.push(null);
r.resume();
r.on('end', () => show('ended readable', r));

const w = new Writable({ write(c, e, cb) { cb(); } });
show('fresh writable', w);
w.end();
show('ending writable', w);

const p = new PassThrough();
p.on('error', () => {});
p.destroy(new Error('x'));
show('errored duplex', p);
setImmediate(() => show('after error event', p));
show('plain object', {});
show('null', null);
