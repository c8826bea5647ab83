// readableFlowing can be set; resume() in paused mode, pause() twice,
// isPaused after an explicit resume.
const { Readable } = require('stream');

const r = new Readable({ objectMode: true, read() {} });
r.readableFlowing = false;
r.on('data', (d) => console.log('data', d));
r.push(1);
setImmediate(() => {
  console.log('still paused', r.readableFlowing, r.readableLength);
  let pauses = 0;
  r.on('pause', () => pauses++);
  r.pause();
  r.pause();
  console.log('pause events when already paused', pauses);
  r.resume();
  console.log('isPaused after resume', r.isPaused(), r.readableFlowing);
  r.push(null);
  r.on('end', () => console.log('end'));
});
