// Readable.from over arrays, generators, async generators, strings and
// promises; values pulled lazily; null rejected; objectMode by default.
const { Readable } = require('stream');

(async () => {
  const fromArray = Readable.from(['x', 'y']);
  console.log('objectMode', fromArray.readableObjectMode, 'hwm', fromArray.readableHighWaterMark);
  console.log(await fromArray.toArray());

  let pulled = 0;
  function* gen() {
    while (pulled < 5) yield ++pulled;
  }
  const lazy = Readable.from(gen());
  await new Promise((r) => setImmediate(r));
  console.log('pulled before reading', pulled);
  console.log(await lazy.toArray(), 'pulled', pulled);

  async function* agen() {
    yield 'a';
    await new Promise((r) => setTimeout(r, 1));
    yield 'b';
  }
  console.log(await Readable.from(agen()).toArray());

  console.log(await Readable.from('whole string').toArray());
  console.log(await Readable.from([Promise.resolve(1), 2, Promise.resolve(3)]).toArray());
  console.log(await Readable.from(new Set([1, 2]), { objectMode: false, encoding: 'utf8' })
    .toArray().catch((e) => e.code));

  const withNull = Readable.from([1, null, 3]);
  withNull.on('error', (e) => console.log('null value:', e.code, e.message));
  withNull.resume();
  await new Promise((r) => withNull.on('close', r));

  try {
    Readable.from(42);
  } catch (e) {
    console.log(e.code, e.message);
  }

  let returned = false;
  function* closing() {
    try {
      yield 1;
      yield 2;
    } finally {
      returned = true;
    }
  }
  const c = Readable.from(closing());
  c.once('data', () => c.destroy());
  await new Promise((r) => c.on('close', r));
  console.log('iterator returned on destroy', returned);
})();
