// Async iteration and errors: an error after some data, destroy() during
// the loop, and a throw in the loop body destroying the stream.
const { Readable } = require('stream');

(async () => {
  const r = new Readable({ objectMode: true, read() {} });
  r.push(1);
  r.push(2);
  setTimeout(() => r.destroy(new Error('late failure')), 2);
  const got = [];
  try {
    for await (const x of r) got.push(x);
  } catch (e) {
    console.log('got', got.join(','), 'then', e.message);
  }

  const d = Readable.from([1, 2, 3]);
  try {
    for await (const x of d) {
      if (x === 2) d.destroy();
    }
    console.log('destroy without error ends the loop quietly?');
  } catch (e) {
    console.log('destroy in loop:', e.code, e.message);
  }

  const t = Readable.from(['a', 'b']);
  try {
    for await (const x of t) throw new Error(`body threw at ${x}`);
  } catch (e) {
    console.log(e.message, 'stream destroyed', t.destroyed);
  }

  const it = Readable.from(['p', 'q'])[Symbol.asyncIterator]();
  console.log(await it.next(), await it.next(), await it.next());
  console.log('return on a finished iterator', await it.return());
})();
