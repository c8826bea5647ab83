// table with nested objects, primitives in rows, and column filter.
console.table([{ a: { nested: true }, b: [1, 2] }, { a: 'str', c: null }]);
console.table({ x: 1, y: 'two' });
console.table([[1], 'two', [3, 4]]);
console.table([{ a: 1, b: 2 }], []);
console.table([{ a: 1, b: 2 }], ['c']);
