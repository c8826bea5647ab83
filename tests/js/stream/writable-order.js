// Writable: order of write callbacks, 'drain', end callback, 'prefinish',
// 'finish' and 'close' for a synchronous and an asynchronous _write.
const { Writable } = require('stream');

function run(name, async, next) {
  const log = [];
  const w = new Writable({
    decodeStrings: false,
    highWaterMark: 3,
    write(chunk, enc, cb) {
      log.push(`_write ${chunk} ${enc}`);
      if (async) setImmediate(cb);
      else cb();
    },
  });
  for (const ev of ['drain', 'prefinish', 'finish', 'close']) w.on(ev, () => log.push(ev));
  log.push(`write ab -> ${w.write('ab', () => log.push('cb ab'))}`);
  log.push(`write cd -> ${w.write('cd', () => log.push('cb cd'))}`);
  log.push(`length ${w.writableLength} needDrain ${w.writableNeedDrain}`);
  w.end('e', () => log.push('end cb'));
  log.push(`ended ${w.writableEnded} finished ${w.writableFinished}`);
  process.nextTick(() => log.push('tick'));
  w.on('close', () => {
    setImmediate(() => {
      console.log(`--- ${name}`);
      console.log(log.join('\n'));
      next();
    });
  });
}

run('sync', false, () => run('async', true, () => {}));
