// _final runs before 'finish' ('prefinish' after its callback); an error
// from it goes to the end callback and 'error'; _construct delays writes.
const { Writable } = require('stream');

const log = [];
const w = new Writable({
  construct(cb) {
    log.push('construct');
    setTimeout(() => {
      log.push('constructed');
      cb();
    }, 2);
  },
  write(chunk, enc, cb) {
    log.push(`write ${chunk}`);
    cb();
  },
  final(cb) {
    log.push('final');
    setImmediate(() => {
      log.push('final done');
      cb();
    });
  },
  decodeStrings: false,
});
w.write('one');
log.push('after write');
w.end('two', () => log.push('end cb'));
w.on('prefinish', () => log.push('prefinish'));
w.on('finish', () => log.push('finish'));
w.on('close', () => {
  log.push('close');
  console.log(log.join('\n'));

  const e = new Writable({
    write(c, en, cb) { cb(); },
    final(cb) { cb(new Error('final failed')); },
  });
  e.on('error', (err) => console.log('error', err.message));
  e.on('finish', () => console.log('finish (should not happen)'));
  e.on('close', () => console.log('close', e.writableFinished, e.destroyed));
  e.end((err) => console.log('end cb', err && err.message));
});
