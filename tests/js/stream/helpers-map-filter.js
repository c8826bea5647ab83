// Readable helpers map, filter, flatMap, drop, take: new Readables in
// object mode; async mapper functions; concurrency keeps order.
const { Readable } = require('stream');

(async () => {
  const nums = () => Readable.from([1, 2, 3, 4, 5, 6]);
  console.log('map', await nums().map((x) => x * 2).toArray());
  console.log('async map', await nums().map(async (x) => {
    await new Promise((r) => setTimeout(r, 7 - x));
    return x * 3;
  }, { concurrency: 3 }).toArray());
  console.log('filter', await nums().filter((x) => x % 2).toArray());
  console.log('async filter', await nums().filter(async (x) => x > 3).toArray());
  console.log('flatMap', await nums().take(3).flatMap((x) => [x, x]).toArray());
  console.log('flatMap generator', await nums().take(2).flatMap(function* (x) {
    yield `${x}a`;
    yield `${x}b`;
  }).toArray());
  console.log('drop', await nums().drop(4).toArray());
  console.log('take', await nums().take(2).toArray());
  console.log('take 0', await nums().take(0).toArray());
  console.log('drop+take', await nums().drop(1).take(2).toArray());
  const m = nums().map((x) => x);
  console.log('map returns Readable', m instanceof Readable, m.readableObjectMode);
  console.log('chained', await nums().filter((x) => x > 1).map((x) => x * x).drop(1)
    .take(3).toArray());
})();
