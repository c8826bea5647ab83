// Maps, Sets, nested and long ones.
const { inspect } = require('util');
console.log(inspect(new Map([[{ k: 1 }, new Set([1, [2]])]])));
console.log(inspect(new Map(Array.from({ length: 30 }, (_, i) => [i, i * 2]))));
console.log(inspect(new Set(Array.from({ length: 120 }, (_, i) => i))).split('\n').length);
const m = new Map([['a', 1]]); m.extra = true;
console.log(inspect(m));
class MyMap extends Map {}
console.log(inspect(new MyMap([[1, 2]])), inspect(new (class S extends Set {})([1])));
console.log(inspect(new Map(), { depth: -1 }), inspect({ m: new Map([[1, { deep: { er: 1 } }]]) }, { depth: 1 }));
