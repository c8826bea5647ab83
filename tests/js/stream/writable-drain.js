// Backpressure: write() returns false once writableLength reaches the
// highWaterMark; 'drain' comes when everything queued is written.
const { Writable } = require('stream');

const written = [];
const w = new Writable({
  objectMode: true,
  highWaterMark: 2,
  write(chunk, enc, cb) {
    written.push(chunk);
    setTimeout(cb, 1);
  },
});
let i = 0;
function pump() {
  while (i < 7) {
    const ok = w.write(i);
    console.log('write', i, ok, 'length', w.writableLength, 'needDrain', w.writableNeedDrain);
    i++;
    if (!ok) {
      w.once('drain', () => {
        console.log('drain at length', w.writableLength);
        pump();
      });
      return;
    }
  }
  w.end();
}
pump();
w.on('finish', () => console.log('finish', JSON.stringify(written)));
