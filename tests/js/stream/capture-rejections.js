// captureRejections: an async listener that rejects destroys the stream
// with that error.
const { Readable } = require('stream');

const r = new Readable({ objectMode: true, captureRejections: true, read() {} });
r.on('data', async (d) => {
  throw new Error(`handler failed on ${d}`);
});
r.on('error', (e) => console.log('error', e.message, 'destroyed', r.destroyed));
r.on('close', () => console.log('close'));
r.push('first');
