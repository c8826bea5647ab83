// pipeline() stages as generators and async functions: the source may be
// a generator function, middle stages get an async iterable, and an async
// function at the end resolves the value the callback receives.
const { pipeline, Readable } = require('stream');

pipeline(
  function* source() {
    yield 'one';
    yield 'two';
    yield 'three';
  },
  async function* upper(source) {
    for await (const chunk of source) yield chunk.toUpperCase();
  },
  async function* number(source) {
    let i = 0;
    for await (const chunk of source) yield `${++i}:${chunk}`;
  },
  async function collect(source) {
    const all = [];
    for await (const chunk of source) all.push(chunk);
    return all.join(' ');
  },
  (err, value) => {
    console.log('error', err, 'value', value);
  },
);

pipeline(
  Readable.from([1, 2, 3]),
  async function* (source, { signal }) {
    console.log('stage gets a signal', typeof signal, signal.aborted);
    for await (const n of source) {
      if (n === 2) throw new Error('generator threw at 2');
      yield n;
    }
  },
  async function (source) {
    for await (const n of source) console.log('sink got', n);
  },
  (err) => console.log('failed with', err.message),
);

try {
  pipeline(() => 42, async function* (s) { yield* s; }, () => {});
} catch (e) {
  console.log(e.code, e.message);
}
