// One source piped to two destinations waits for the slower one's drain.
const { Readable, Writable } = require('stream');

const log = [];
function dest(name, delay) {
  return new Writable({
    objectMode: true,
    highWaterMark: 1,
    write(chunk, enc, cb) {
      log.push(`${name} ${chunk}`);
      setTimeout(cb, delay);
    },
  });
}
const fast = dest('fast', 1);
const slow = dest('slow', 4);
const src = Readable.from([1, 2, 3, 4]);
src.pipe(fast);
src.pipe(slow);
let finished = 0;
for (const d of [fast, slow]) {
  d.on('finish', () => {
    if (++finished === 2) {
      console.log(log.filter((l) => l.startsWith('fast')).join(', '));
      console.log(log.filter((l) => l.startsWith('slow')).join(', '));
      console.log('all written');
    }
  });
}
