// Transform errors: callback error, a throw inside _transform, a _flush
// error, and a Transform without _transform.
const { Transform } = require('stream');

const a = new Transform({
  transform(c, e, cb) {
    cb(new Error('bad chunk'));
  },
});
a.on('error', (e) => console.log('a error', e.message, a.destroyed));
a.on('close', () => console.log('a close'));
a.write('x', (e) => console.log('a write cb', e && e.message));

const b = new Transform({
  transform() {
    throw new Error('thrown');
  },
});
try {
  b.write('x');
} catch (e) {
  console.log('b threw synchronously', e.message);
}

const c = new Transform({
  transform(ch, e, cb) {
    cb(null, ch);
  },
  flush(cb) {
    cb(new Error('flush failed'));
  },
});
c.resume();
c.on('error', (e) => console.log('c error', e.message));
c.on('finish', () => console.log('c finish (not expected)'));
c.on('close', () => console.log('c close'));
c.end('data');

const d = new Transform();
d.on('error', (e) => console.log('d error', e.code, e.message));
try {
  d.write('x');
} catch (e) {
  console.log('d threw', e.code, e.message);
}
