// stream.destroy(stream, err) and stream.finished on streams destroyed that
// way; addAbortSignal's argument checks.
const stream = require('stream');

const p = new stream.PassThrough();
p.on('error', (e) => console.log('error', e.message));
p.on('close', () => console.log('closed; destroyed', p.destroyed));
stream.destroy(p, new Error('by stream.destroy'));

const q = new stream.PassThrough();
stream.finished(q, (err) => console.log('finished:', err && err.code));
stream.destroy(q);

try {
  stream.addAbortSignal('no', q);
} catch (e) {
  console.log(e.code, e.message);
}
try {
  stream.addAbortSignal({ aborted: false, addEventListener() {} }, {});
} catch (e) {
  console.log(e.code, e.message);
}
