// Object-mode Transforms: filtering (no push), splitting (several pushes),
// readableObjectMode/writableObjectMode on one side only.
const { Transform, Readable } = require('stream');

const evens = new Transform({
  objectMode: true,
  transform(n, enc, cb) {
    if (n % 2 === 0) this.push(n);
    cb();
  },
});
const split = new Transform({
  objectMode: true,
  transform(arr, enc, cb) {
    for (const x of arr) this.push(x * 10);
    cb();
  },
});
Readable.from([[1, 2], [3, 4, 5], [6]]).pipe(split).pipe(evens);
const got = [];
evens.on('data', (d) => got.push(d));
evens.on('end', () => console.log('evens of split', got.join(' ')));

const t = new Transform({
  writableObjectMode: true,
  readableObjectMode: false,
  encoding: 'utf8',
  transform(obj, enc, cb) {
    cb(null, JSON.stringify(obj) + '\n');
  },
});
console.log('modes', t.writableObjectMode, t.readableObjectMode);
console.log('hwm', t.writableHighWaterMark, t.readableHighWaterMark);
let text = '';
t.on('data', (d) => (text += d));
t.on('end', () => process.stdout.write(text));
t.write({ a: 1 });
t.write([1, 2]);
t.end(null === null ? 'x' : 'y');
