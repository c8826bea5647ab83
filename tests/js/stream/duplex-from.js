// Duplex.from: async generator functions (written chunks in, yielded
// chunks out), iterables, promises, { readable, writable } pairs, streams.
const { Duplex, Readable, Writable, PassThrough } = require('stream');

(async () => {
  const upper = Duplex.from(async function* (source) {
    for await (const chunk of source) yield String(chunk).toUpperCase();
  });
  upper.write('ab');
  upper.end('cd');
  console.log('generator duplex', await upper.toArray());

  const fromArray = Duplex.from(['x', 'y']);
  console.log('iterable', fromArray.writable, await fromArray.toArray());

  const fromPromise = Duplex.from(Promise.resolve('resolved value'));
  console.log('promise', await fromPromise.toArray());

  const collected = [];
  const sink = Duplex.from(async function (source) {
    for await (const c of source) collected.push(String(c));
  });
  sink.end('only');
  await new Promise((r) => sink.on('finish', r));
  console.log('async function consumer', collected);

  const p = new PassThrough();
  console.log('duplex passes through', Duplex.from(p) === p);

  const r = Readable.from(['from readable']);
  const w = new Writable({
    write(c, e, cb) {
      console.log('pair writable got', String(c));
      cb();
    },
  });
  const pair = Duplex.from({ readable: r, writable: w });
  pair.end('to writable');
  console.log('pair', await pair.toArray());

  try {
    Duplex.from(42);
  } catch (e) {
    console.log(e.code, e.message);
  }
  try {
    Duplex.from(() => 5);
  } catch (e) {
    console.log(e.code, e.message);
  }
})();
