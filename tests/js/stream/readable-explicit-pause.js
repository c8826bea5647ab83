// A stream paused before any 'data' listener stays paused when one is added.
const { Readable } = require('stream');

const r = new Readable({ objectMode: true, read() {} });
r.pause();
r.push('x');
r.on('data', (d) => console.log('data', d));
console.log('flowing', r.readableFlowing, 'isPaused', r.isPaused());
setTimeout(() => {
  console.log('nothing yet; buffered', r.readableLength);
  r.resume();
  r.push(null);
  r.on('end', () => console.log('end'));
}, 5);
