// Flowing mode: the order of 'resume', 'data', 'end' and 'close' relative
// to synchronous code, nextTick and promise jobs.
const { Readable } = require('stream');

const log = [];
const r = new Readable({
  objectMode: true,
  read() {
    log.push('_read');
  },
});
for (const ev of ['resume', 'pause', 'end', 'close', 'readable']) {
  r.on(ev, () => log.push(ev));
}
r.push('a');
r.push('b');
log.push(`flowing before: ${r.readableFlowing}`);
r.on('data', (d) => log.push(`data ${d}`));
log.push(`flowing after: ${r.readableFlowing}`);
process.nextTick(() => log.push('tick'));
Promise.resolve().then(() => log.push('promise'));
setTimeout(() => {
  r.push('c');
  r.push(null);
  log.push(`ended ${r.readableEnded}`);
  setImmediate(() => {
    log.push(`ended ${r.readableEnded} destroyed ${r.destroyed}`);
    console.log(log.join('\n'));
  });
}, 5);
