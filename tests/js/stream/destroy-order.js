// destroy(): 'error' then 'close' a tick later; destroy(err, ...) twice
// emits once; _destroy may change the error; the properties after.
const { Readable, Writable } = require('stream');

const log = [];
const r = new Readable({ read() {} });
r.on('error', (e) => log.push(`error ${e.message}`));
r.on('close', () => log.push('close'));
r.on('end', () => log.push('end (never)'));
r.destroy(new Error('first'));
r.destroy(new Error('second'));
log.push(`sync: destroyed ${r.destroyed} errored ${r.errored.message} closed ${r.closed}`);
process.nextTick(() => log.push('tick'));

const w = new Writable({
  write(c, e, cb) { cb(); },
  destroy(err, cb) {
    log.push(`_destroy got ${err && err.message}`);
    setImmediate(() => cb(new Error('replaced')));
  },
});
w.on('error', (e) => log.push(`w error ${e.message}`));
w.on('close', () => {
  log.push('w close');
  log.push(`w errored ${w.errored.message} closed ${w.closed}`);
  console.log(log.join('\n'));
});
w.destroy(new Error('original'), (e) => log.push(`destroy cb ${e.message}`));
