// highWaterMark: defaults, per-side duplex marks, process-wide defaults,
// invalid values.
const stream = require('stream');
const { Readable, Writable, Duplex, Transform } = stream;

console.log('defaults', new Readable().readableHighWaterMark,
  new Writable().writableHighWaterMark,
  new Readable({ objectMode: true }).readableHighWaterMark,
  stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true));
const d = new Duplex({ readableHighWaterMark: 10, writableHighWaterMark: 20 });
console.log('duplex sides', d.readableHighWaterMark, d.writableHighWaterMark);
const d2 = new Duplex({ highWaterMark: 5, readableHighWaterMark: 10 });
console.log('highWaterMark wins', d2.readableHighWaterMark, d2.writableHighWaterMark);
const t = new Transform({ readableHighWaterMark: 0 });
console.log('transform readable 0', t.readableHighWaterMark, t.writableHighWaterMark);
const om = new Duplex({ readableObjectMode: true });
console.log('object side', om.readableHighWaterMark, om.writableHighWaterMark);

stream.setDefaultHighWaterMark(false, 1024);
stream.setDefaultHighWaterMark(true, 4);
console.log('changed', new Readable().readableHighWaterMark,
  new Writable({ objectMode: true }).writableHighWaterMark);
stream.setDefaultHighWaterMark(false, 16384);
stream.setDefaultHighWaterMark(true, 16);

for (const bad of [-1, 1.5, NaN, '10']) {
  try {
    new Readable({ highWaterMark: bad });
    console.log('accepted', bad);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
try {
  new Duplex({ writableHighWaterMark: -2 });
} catch (e) {
  console.log(e.code, e.message);
}
try {
  stream.setDefaultHighWaterMark(false, -1);
} catch (e) {
  console.log(e.code, e.message);
}
console.log('hwm 2.0 is an integer', new Readable({ highWaterMark: 2.0 }).readableHighWaterMark);
