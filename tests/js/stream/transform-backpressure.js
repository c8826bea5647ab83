// A Transform whose output is not read holds its writes: the write
// callback waits until the consumer reads.
const { Transform } = require('stream');

const t = new Transform({
  objectMode: true,
  highWaterMark: 2,
  transform(x, e, cb) {
    console.log('_transform', x);
    cb(null, x);
  },
});
const results = [];
for (let i = 1; i <= 6; i++) results.push(t.write(i, () => console.log('write cb', i)));
console.log('write returns', results.join(' '));
setTimeout(() => {
  console.log('buffered readable', t.readableLength, 'writable', t.writableLength);
  console.log('read', t.read(), t.read());
  setTimeout(() => {
    console.log('after reads: readable', t.readableLength, 'writable', t.writableLength);
    t.resume();
    t.end();
    t.on('end', () => console.log('end'));
  }, 5);
}, 5);
