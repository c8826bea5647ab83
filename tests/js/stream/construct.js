// _construct: reads, writes and destroys wait for it; its error destroys.
const { Readable, Writable, Duplex } = require('stream');

const log = [];
const r = new Readable({
  construct(cb) {
    log.push('r construct');
    setTimeout(() => {
      log.push('r construct done');
      cb();
    }, 2);
  },
  read() {
    log.push('r _read');
    this.push(null);
  },
});
r.on('data', () => {});
r.on('end', () => log.push('r end'));
r.on('close', () => {
  log.push('r close');

  const bad = new Writable({
    construct(cb) {
      cb(new Error('cannot open'));
    },
    write(c, e, cb) {
      log.push('never written');
      cb();
    },
  });
  bad.write('x', (err) => log.push(`bad write cb ${err && err.message}`));
  bad.on('error', (e) => log.push(`bad error ${e.message}`));
  bad.on('close', () => {
    log.push('bad close');

    const d = new Duplex({
      construct(cb) {
        log.push('duplex construct (once for both sides)');
        setImmediate(cb);
      },
      read() {},
      write(c, e, cb) { cb(); },
    });
    d.destroy();
    log.push(`duplex destroyed before construct ${d.destroyed}`);
    d.on('close', () => {
      log.push('duplex close');
      console.log(log.join('\n'));
    });
  });
});
