// The seed notes' pumpManually: respecting write()'s return value by
// pausing the readable until 'drain'.
const { Readable, Writable } = require('node:stream');

function pumpManually(readable, writable) {
  readable.on('data', (chunk) => {
    const ok = writable.write(chunk);
    if (!ok) {
      readable.pause(); // STOP reading
      writable.once('drain', () => readable.resume()); // resume when ready
    }
  });
}

let pauses = 0;
let maxQueued = 0;
const received = [];
const source = Readable.from(Array.from({ length: 20 }, (_, i) => `chunk-${i}`));
const slow = new Writable({
  objectMode: true,
  highWaterMark: 3,
  write(chunk, enc, cb) {
    received.push(chunk);
    maxQueued = Math.max(maxQueued, this.writableLength);
    setTimeout(cb, 1);
  },
});
source.on('pause', () => pauses++);
source.on('end', () => slow.end());
slow.on('finish', () => {
  console.log('received', received.length, received[0], received[19]);
  console.log('paused at least once', pauses > 0, 'queue bounded', maxQueued <= 3);
});
pumpManually(source, slow);
