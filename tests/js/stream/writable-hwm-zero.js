// highWaterMark 0: write() returns false every time, yet writes proceed and
// 'drain' follows each.
const { Writable } = require('stream');

const w = new Writable({
  highWaterMark: 0,
  write(chunk, enc, cb) {
    console.log('_write', String(chunk));
    setImmediate(cb);
  },
});
w.on('drain', () => console.log('drain'));
console.log('write a ->', w.write('a'));
w.once('drain', () => {
  console.log('write b ->', w.write('b'));
  w.end();
});
w.on('finish', () => console.log('finish'));
