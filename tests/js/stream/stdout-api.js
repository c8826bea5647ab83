// process.stdout as a Writable (a file under the test harness): write
// callbacks, write's return value, events, and that it is never closed.
const out = process.stdout;
const { Writable } = require('stream');
console.log('Writable', out instanceof Writable, 'fd', out.fd, '_isStdio', out._isStdio,
  'readable', out.readable, 'writable', out.writable);
const ok = out.write('plain\n', () => console.log('callback after write'));
console.log('write returned', ok, 'length now', out.writableLength);
out.write(Buffer.from('a buffer\n'));
out.write(new Uint8Array([0x75, 0x38, 0x0a]));
out.write('686578206e6f7720\n', 'hex');
out.write('latin1 \xe9\n', 'latin1');
try {
  out.write(42);
} catch (e) {
  console.log(e.code);
}
process.nextTick(() => console.log('tick'));
out.cork();
out.write('corked 1, ');
out.write('corked 2\n');
console.log('(printed before the corked lines)');
process.nextTick(() => out.uncork());
setTimeout(() => {
  console.log('process.stdout === process.stdout', process.stdout === out);
  console.log('listeners', out.listenerCount('error'));
}, 5);
