// Destroying a Readable while it has buffered data: no more 'data', no
// 'end', 'close' only; read() returns null.
const { Readable } = require('stream');

const r = new Readable({ objectMode: true, read() {} });
r.push(1);
r.push(2);
r.push(3);
r.on('data', (d) => {
  console.log('data', d);
  if (d === 1) {
    r.destroy();
    console.log('read after destroy', r.read(), 'length', r.readableLength);
  }
});
r.on('end', () => console.log('end (not expected)'));
r.on('close', () => console.log('close; ended', r.readableEnded, 'aborted', r.readableAborted));
