// pipeline(): streams connected in order, the callback once at the end,
// the last stream returned.
const { pipeline, Readable, Transform, Writable } = require('stream');

const out = [];
const last = pipeline(
  Readable.from(['a', 'b', 'c']),
  new Transform({
    objectMode: true,
    transform(s, e, cb) {
      cb(null, s.repeat(2));
    },
  }),
  new Writable({
    objectMode: true,
    write(chunk, enc, cb) {
      out.push(chunk);
      cb();
    },
  }),
  (err, val) => {
    console.log('done', err, val, out.join(' '));
  },
);
console.log('returns last', last instanceof Writable);
try {
  pipeline(Readable.from([]), () => {});
} catch (e) {
  console.log(e.code, e.message);
}
try {
  pipeline(Readable.from([]), new Writable());
} catch (e) {
  console.log(e.code, e.message);
}
