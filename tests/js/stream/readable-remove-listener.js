// Removing the 'readable' listener hands the stream back to 'data'
// (flowing again on the next tick).
const { Readable } = require('stream');

const r = new Readable({ objectMode: true, read() {} });
const onReadable = () => console.log('readable fired');
r.on('readable', onReadable);
r.on('data', (d) => console.log('data', d));
console.log('flowing with readable listener', r.readableFlowing);
r.removeListener('readable', onReadable);
console.log('right after removal', r.readableFlowing);
process.nextTick(() => {
  console.log('a tick later', r.readableFlowing);
  r.push(1);
  r.push(null);
});
r.on('end', () => console.log('end'));

const s = new Readable({ objectMode: true, read() {} });
s.on('readable', () => {});
s.removeAllListeners('readable');
process.nextTick(() => console.log('no listeners at all: flowing', s.readableFlowing));
