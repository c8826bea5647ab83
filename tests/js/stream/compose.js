// stream.compose: several stages as one Duplex; generator functions as
// stages; errors destroy the composed stream.
const { compose, Transform, Readable, pipeline } = require('stream');

(async () => {
  const double = new Transform({
    objectMode: true,
    transform(n, e, cb) {
      cb(null, n * 2);
    },
  });
  const composed = compose(
    double,
    async function* (source) {
      for await (const n of source) yield n + 1;
    },
  );
  console.log('is duplex', composed.readable, composed.writable);
  console.log('composed', await Readable.from([1, 2, 3]).pipe(composed).toArray());

  const failing = compose(async function* (source) {
    for await (const x of source) {
      if (x === 'bad') throw new Error('stage rejected bad');
      yield x;
    }
  }, new Transform({
    objectMode: true,
    transform(x, e, cb) {
      cb(null, x);
    },
  }));
  pipeline(Readable.from(['ok', 'bad']), failing, async (source) => {
    for await (const x of source) console.log('through', x);
  }, (err) => console.log('pipeline error', err && err.message));

  try {
    compose();
  } catch (e) {
    console.log(e.code, e.message);
  }
})();
