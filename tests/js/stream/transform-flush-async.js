// An asynchronous _flush: 'finish' and 'end' wait for it; data pushed in
// _flush comes last.
const { Transform } = require('stream');

const log = [];
const t = new Transform({
  transform(c, e, cb) {
    cb(null, c);
  },
  flush(cb) {
    log.push('flush start');
    setTimeout(() => {
      log.push('flush done');
      this.push('tail');
      cb();
    }, 3);
  },
});
t.on('data', (d) => log.push(`data ${d}`));
t.on('prefinish', () => log.push('prefinish'));
t.on('finish', () => log.push('finish'));
t.on('end', () => log.push('end'));
t.on('close', () => {
  log.push('close');
  console.log(log.join('\n'));
});
t.end('body');
