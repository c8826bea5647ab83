// URLSearchParams from generators, Maps, Sets of pairs, objects with
// getters and numeric keys, typed values, strings with and without '?'.
function* gen() { yield ['g1', 1]; yield new Set(['g2', 'two']); }
const inits = [gen(), new Map([['m', 1], ['n', null]]), [['a', undefined], [1, true]], { 2: 'two', 1: 'one', b: 'bee' },
  Object.defineProperty({}, 'got', { get() { return 'getter'; }, enumerable: true }), '?x=1', '??x', 'x=1?y=2', '&&a', 123,
  { length: 1, 0: ['a', 'b'] }, [], {}, new URLSearchParams('c=d'), 'a=1&a=2', { '\ud800': '\udc00' }];
for (const init of inits) {
  const p = new URLSearchParams(init);
  console.log(p.toString(), p.size);
}
