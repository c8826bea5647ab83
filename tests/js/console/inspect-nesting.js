// Nesting depth, long arrays, line breaking at 80 columns.
console.log({ a: { b: { c: { d: { e: 1 } } } } });
console.log([[[[[1]]]]]);
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log(Array.from({ length: 30 }, (_, i) => 'item' + i));
console.log({ k1: 'v'.repeat(30), k2: 'w'.repeat(30), k3: 'x'.repeat(30) });
console.log(new Array(5), [1, , 3], [undefined, null]);
const a = [1, 2]; a.extra = 'prop'; a[-1] = 'neg';
console.log(a);
console.log({ 'quoted-key': 1, valid_id: 2, 3: 'num', 'a b': 4 });
console.log(['a\nb', "it's", 'say "hi"', `both ' "`, 'back`tick']);
