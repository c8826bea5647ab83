// PassThrough hands chunks on unchanged; in objectMode any value; reading
// with read() and the backpressure between its two sides.
const { PassThrough } = require('stream');

const p = new PassThrough({ objectMode: true, highWaterMark: 2 });
const results = [];
for (let i = 0; i < 5; i++) results.push(p.write({ i }));
console.log('writes', results.join(' '));
console.log('readableLength', p.readableLength, 'writableLength', p.writableLength);
console.log('read', JSON.stringify(p.read()));
console.log('read', JSON.stringify(p.read()));
process.nextTick(() => {
  console.log('after tick readableLength', p.readableLength, 'writableLength', p.writableLength);
  p.end();
  p.on('data', (d) => console.log('data', JSON.stringify(d)));
  p.on('end', () => console.log('end'));
});

const s = new PassThrough({ encoding: 'utf8' });
s.end('text passes');
s.on('data', (d) => console.log('string', typeof d, d));
