// Argument checks of the helpers: codes and messages.
const { Readable } = require('stream');

const r = Readable.from([1]);
const attempts = [
  ['map(1)', () => r.map(1)],
  ['map concurrency 0', () => r.map((x) => x, { concurrency: 0 })],
  ['map concurrency 1.5 (floored)', () => r.map((x) => x, { concurrency: 1.5 }) instanceof Readable],
  ['map options 1', () => r.map((x) => x, 1)],
  ['filter("x")', () => r.filter('x')],
  ['drop(-1)', () => r.drop(-1)],
  ['take(-2)', () => r.take(-2)],
  ['drop("a") is drop(0)', () => r.drop('a') instanceof Readable],
  ['new map', () => new r.map((x) => x)],
];
for (const [name, fn] of attempts) {
  try {
    console.log(name, '->', fn());
  } catch (e) {
    console.log(name, '->', e.name, e.code, e.message);
  }
}
(async () => {
  for (const [name, p] of [
    ['reduce(null)', () => r.reduce(null)],
    ['forEach(1)', () => r.forEach(1)],
    ['every(1)', () => r.every(1)],
    ['toArray(1)', () => r.toArray(1)],
  ]) {
    try {
      await p();
      console.log(name, 'resolved');
    } catch (e) {
      console.log(name, '->', e.name, e.code, e.message);
    }
  }
})();
