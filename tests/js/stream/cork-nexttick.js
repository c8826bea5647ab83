// The cork()/process.nextTick(uncork) idiom: writes made in one tick go to
// _writev together.
const { Writable } = require('stream');

const w = new Writable({
  writev(chunks, cb) {
    console.log('batch of', chunks.length, ':', chunks.map((c) => String(c.chunk)).join(''));
    cb();
  },
});
function send(parts) {
  w.cork();
  for (const p of parts) w.write(p);
  process.nextTick(() => w.uncork());
}
send(['a', 'b', 'c']);
setImmediate(() => {
  send(['d', 'e']);
  setImmediate(() => w.end('f'));
});
w.on('finish', () => console.log('finish'));
