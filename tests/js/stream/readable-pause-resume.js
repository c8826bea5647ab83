// pause() and resume(): events, isPaused, readableFlowing, and that data
// pushed while paused waits in the buffer.
const { Readable } = require('stream');

const r = new Readable({ objectMode: true, read() {} });
console.log('isPaused', r.isPaused(), 'flowing', r.readableFlowing);
r.on('pause', () => console.log('event pause'));
r.on('resume', () => console.log('event resume'));
r.on('data', (d) => {
  console.log('data', d);
  if (d === 2) {
    r.pause();
    console.log('paused in data: isPaused', r.isPaused(), 'flowing', r.readableFlowing);
    r.push(3);
    r.push(4);
    console.log('buffered', r.readableLength);
    setTimeout(() => {
      console.log('resuming');
      r.resume();
      r.push(null);
    }, 5);
  }
});
console.log('after on(data): isPaused', r.isPaused(), 'flowing', r.readableFlowing);
r.push(1);
r.push(2);
r.pause();
r.resume();
r.on('end', () => console.log('end'));
