// util.format: every placeholder against many values.
const util = require('util');
const values = [0, -0, 1.5, -1n, 'str', '', true, null, undefined, NaN,
  Symbol('s'), [1, [2]], { a: 1 }, new Date(86400000), /x/g, () => 1,
  new Map([[1, 2]]), new Set([1]), Object.create(null), new Error('e')];
for (const ph of ['%s', '%d', '%i', '%f', '%j', '%o', '%O']) {
  const out = values.map((v) => {
    try {
      return util.format(ph, v).split('\n')[0];
    } catch (e) {
      return `throws ${e.name}`;
    }
  });
  console.log(ph, JSON.stringify(out));
}
console.log(util.format('%s %s', 'only one'), util.format('%%s %s', 'x'), util.format('no args %d'));
console.log(util.format('a', 'b', { c: 1 }, ['d']), util.format());
console.log(util.format('%s', 'x'.repeat(5), 'extra', 3));
const circular = { name: 'c' };
circular.me = circular;
console.log(util.format('%j', circular));
console.log(util.format('%s', { toString() { return 'obj toString'; } }));
console.log(util.format('%s', class A {}), util.format('%s', 12345678901234567890n));
