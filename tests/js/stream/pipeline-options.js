// pipeline with an array of streams, promises.pipeline with { end: false },
// and a source that is already finished.
const stream = require('stream');
const { pipeline: pp } = require('stream/promises');

const out = new stream.PassThrough({ objectMode: true });
const collected = [];
out.on('data', (d) => collected.push(d));

stream.pipeline([stream.Readable.from([1, 2]), out], (err) => {
  console.log('array form', err, collected.join(','), 'out ended', out.writableEnded);

  const keep = new stream.PassThrough({ objectMode: true });
  const kept = [];
  keep.on('data', (d) => kept.push(d));
  pp(stream.Readable.from(['x']), keep, { end: false }).then(() => {
    console.log('end: false leaves destination open', keep.writableEnded, kept.join(','));
    keep.end('y');
    keep.on('end', () => console.log('after manual end', kept.join(',')));
  });
});
