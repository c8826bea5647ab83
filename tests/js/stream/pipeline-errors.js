// pipeline() with a failing stage: every stream is destroyed and the
// callback gets the first error, once.
const { pipeline, Readable, Transform, PassThrough } = require('stream');

const src = new Readable({ objectMode: true, read() {} });
const fail = new Transform({
  objectMode: true,
  transform(x, e, cb) {
    if (x === 2) cb(new Error('stage failed on 2'));
    else cb(null, x);
  },
});
const dst = new PassThrough({ objectMode: true });
dst.resume();
let calls = 0;
pipeline(src, fail, dst, (err) => {
  calls++;
  console.log('callback', calls, err.message);
  console.log('destroyed', src.destroyed, fail.destroyed, dst.destroyed);
  setTimeout(() => console.log('callback calls', calls), 5);
});
src.push(1);
src.push(2);
src.push(3);

// A source destroyed without an error: premature close.
const s2 = new PassThrough();
const d2 = new PassThrough();
pipeline(s2, d2, (err) => console.log('premature:', err.code, err.message));
s2.destroy();

// Destroying the destination.
const s3 = new PassThrough();
const d3 = new PassThrough();
pipeline(s3, d3, (err) => console.log('dest destroyed:', err.message, s3.destroyed));
d3.destroy(new Error('dest went away'));
