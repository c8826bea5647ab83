'use strict';
const b = Buffer.from('abc');
console.log([...b], Array.from(b), [...b.keys()], [...b.entries()]);
for (const x of b.values()) process.stdout.write(x + ' ');
console.log();
console.log(b.length, Object.keys(b), JSON.stringify(Object.entries(b)));
try { b.length = 10; } catch (e) { console.log(e.name); }
console.log(b.length, b[5], 'x' in b, 1 in b, 3 in b);
b[5] = 1; b[-1] = 1; b.foo = 2;
console.log(b[5], b[-1], b.foo, b);
