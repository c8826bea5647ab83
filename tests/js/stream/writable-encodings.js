// What _write receives: Buffers by default (strings decoded with the given
// encoding), strings with decodeStrings: false, defaultEncoding, and the
// encoding argument in object mode.
const { Writable } = require('stream');

function sink(opts) {
  return new Writable({
    ...opts,
    write(chunk, enc, cb) {
      console.log(JSON.stringify(opts), '->', Buffer.isBuffer(chunk) ? chunk : JSON.stringify(chunk), enc);
      cb();
    },
  });
}
sink({}).write('hi');
sink({}).write('6869', 'hex');
sink({}).write('aGk=', 'base64');
sink({ decodeStrings: false }).write('hi');
sink({ decodeStrings: false }).write('6869', 'hex');
sink({ defaultEncoding: 'hex' }).write('6869');
sink({ decodeStrings: false, defaultEncoding: 'utf-8' }).write('x');
sink({ objectMode: true }).write('str');
sink({ objectMode: true }).write({ a: 1 }, 'hex');
sink({}).write(new Uint8Array([1, 2]));
sink({}).write(new Uint16Array([0x0102]));
const w = sink({ decodeStrings: false });
w.setDefaultEncoding('BASE64');
w.write('QQ==');
try {
  sink({ defaultEncoding: 'bogus' });
} catch (e) {
  console.log(e.code, e.message);
}
