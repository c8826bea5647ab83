// The seed notes' pipeline from node:stream/promises, with in-memory
// streams in place of files and gzip: the chain runs, then "done".
const { pipeline } = require('node:stream/promises');
const { Readable, Transform, Writable } = require('node:stream');

async function transformText(lines, out) {
  await pipeline(
    Readable.from(lines),
    new Transform({
      transform(chunk, enc, cb) {
        cb(null, chunk.toString().toUpperCase());
      },
    }),
    new Writable({
      write(chunk, enc, cb) {
        out.push(chunk.toString());
        cb();
      },
    }),
  );
  console.log('done');
}

const out = [];
transformText(['access ', 'log ', 'lines'], out)
  .then(() => console.log(out.join('')))
  .catch(console.error);

// And the error path: the catch handler gets the stage's error.
pipeline(
  Readable.from(['x']),
  new Transform({
    transform(chunk, enc, cb) {
      cb(new Error('compression failed'));
    },
  }),
  new Writable({ write(c, e, cb) { cb(); } }),
).catch((err) => console.log('caught:', err.message));
