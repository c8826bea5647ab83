// stream/promises: pipeline resolving to the last async function's value,
// rejecting with the error; finished as a promise; util.promisify gives the
// same functions.
// (node:stream is loaded first: the other way round Node's own module cycle
// leaves stream.promises empty.)
const stream = require('stream');
const { pipeline, finished } = require('stream/promises');
const util = require('util');

(async () => {
  const value = await pipeline(
    stream.Readable.from(['x', 'y']),
    async function (source) {
      let s = '';
      for await (const c of source) s += c;
      return s;
    },
  );
  console.log('pipeline value', value);

  try {
    await pipeline(
      stream.Readable.from(['x']),
      new stream.Transform({
        objectMode: true,
        transform(c, e, cb) {
          cb(new Error('no'));
        },
      }),
      new stream.PassThrough({ objectMode: true }),
    );
  } catch (e) {
    console.log('pipeline rejected', e.message);
  }

  const r = stream.Readable.from(['a']);
  r.resume();
  await finished(r);
  console.log('finished resolved', r.readableEnded);

  const w = new stream.PassThrough();
  w.destroy(new Error('boom'));
  try {
    await finished(w);
  } catch (e) {
    console.log('finished rejected', e.message);
  }

  console.log('promisify(pipeline) is promises.pipeline',
    util.promisify(stream.pipeline) === pipeline);
  console.log('promisify(finished) is promises.finished',
    util.promisify(stream.finished) === finished);
  console.log('stream.promises', stream.promises === require('stream/promises'));
  console.log('node: prefix', require('node:stream/promises') === require('stream/promises'));
})();
