// console.table draws Node's box table.
console.table([{ a: 1, b: 'x' }, { a: 2, c: true }]);
console.table([[1, 2], [3, 4, 5]]);
console.table({ r1: { c1: 1 }, r2: { c2: 2 } });
console.table([{ a: 1, b: 2 }, { a: 3, b: 4 }], ['b']);
console.table([1, 'two', { three: 3 }]);
console.table(new Map([['k1', 1], ['k2', { v: 2 }]]));
console.table(new Set(['s1', 's2']));
console.table('not tabular');
console.table(42);
console.table([]);
console.table([{ 'long column name': 'value with width', x: 'ü😀' }]);
