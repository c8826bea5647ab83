// The state getters of Readable and Writable through a stream's life.
const { Readable, Writable, PassThrough } = require('stream');

function rstate(r) {
  return ['readable', 'readableEnded', 'readableAborted', 'readableDidRead', 'readableFlowing',
    'readableLength', 'readableObjectMode', 'destroyed', 'closed']
    .map((k) => `${k}=${r[k]}`).join(' ') + ` errored=${r.errored && r.errored.message}`;
}
function wstate(w) {
  return ['writable', 'writableEnded', 'writableFinished', 'writableAborted', 'writableLength',
    'writableNeedDrain', 'writableCorked', 'writableObjectMode', 'destroyed', 'closed']
    .map((k) => `${k}=${w[k]}`).join(' ') + ` errored=${w.errored && w.errored.message}`;
}

const r = new Readable({ read() {} });
console.log('new     ', rstate(r));
r.push('x');
r.on('data', () => {});
r.push(null);
r.on('end', () => {
  console.log('at end  ', rstate(r));
  r.on('close', () => {
    console.log('closed  ', rstate(r));
    const a = new Readable({ read() {} });
    a.on('error', () => {});
    a.destroy(new Error('aborted'));
    console.log('aborted ', rstate(a));
  });
});

const w = new Writable({ highWaterMark: 2, write(c, e, cb) { setImmediate(cb); } });
console.log('new     ', wstate(w));
w.write('abc');
w.cork();
console.log('writing ', wstate(w));
w.uncork();
w.end(() => {
  console.log('finished', wstate(w));
  const b = new Writable({ write(c, e, cb) { cb(); } });
  b.on('error', () => {});
  b.destroy(new Error('broken'));
  console.log('aborted ', wstate(b));
});
console.log('ending  ', wstate(w));

const p = new PassThrough({ objectMode: true });
console.log('duplex  ', p.readableObjectMode, p.writableObjectMode, p.readable, p.writable);
