// unpipe(): one destination or all; the source pauses when none is left;
// the destination is not ended.
const { PassThrough, Writable } = require('stream');

function sink(name) {
  const w = new Writable({
    objectMode: true,
    write(chunk, enc, cb) {
      console.log(name, 'got', chunk);
      cb();
    },
  });
  w.on('unpipe', () => console.log(name, 'unpipe'));
  w.on('finish', () => console.log(name, 'finish'));
  return w;
}
const src = new PassThrough({ objectMode: true });
const a = sink('a');
const b = sink('b');
src.pipe(a);
src.pipe(b);
console.log('pipes', src._readableState.pipes.length);
src.write(1);
setTimeout(() => {
  src.unpipe(a);
  console.log('after unpipe(a) flowing', src.readableFlowing);
  src.write(2);
  setTimeout(() => {
    src.unpipe();
    console.log('after unpipe() flowing', src.readableFlowing, 'pipes',
      src._readableState.pipes.length);
    src.write(3);
    console.log('buffered', src.readableLength);
    src.unpipe(a);
    console.log('ended a?', a.writableEnded, 'ended b?', b.writableEnded);
  }, 5);
}, 5);
