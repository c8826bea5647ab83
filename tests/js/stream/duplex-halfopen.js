// Duplex: independent sides; allowHalfOpen false ends the writable side
// when the readable side ends; readable:false / writable:false options.
const { Duplex } = require('stream');

function make(name, opts) {
  const d = new Duplex({
    objectMode: true,
    ...opts,
    read() {},
    write(chunk, enc, cb) {
      console.log(name, 'write', chunk);
      cb();
    },
    final(cb) {
      console.log(name, 'final');
      cb();
    },
  });
  for (const ev of ['end', 'finish', 'close']) d.on(ev, () => console.log(name, ev));
  return d;
}

const half = make('half', {});
console.log('allowHalfOpen', half.allowHalfOpen);
half.resume();
half.push(null);
setTimeout(() => {
  console.log('half still writable', half.writable, half.destroyed);
  half.end('last');

  const full = make('full', { allowHalfOpen: false });
  console.log('allowHalfOpen', full.allowHalfOpen);
  full.resume();
  full.push(null);
  setTimeout(() => {
    const ro = new Duplex({ writable: false, read() {} });
    console.log('writable:false ->', ro.writable, ro.writableEnded, ro.writableFinished);
    const wo = new Duplex({ readable: false, write(c, e, cb) { cb(); } });
    console.log('readable:false ->', wo.readable, wo.readableEnded);
    wo.on('close', () => console.log('wo close after end'));
    wo.end();
  }, 5);
}, 5);
