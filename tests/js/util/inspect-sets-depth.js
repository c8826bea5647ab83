const { inspect } = require('util');
console.log(inspect(new Set([{ a: { b: { c: {} } } }]), { depth: 1 }));
console.log(inspect([new Map([['k', new Map([['k2', new Map()]])]])], { depth: 2 }));
console.log(inspect({ a: [{ b: [{ c: 1 }] }] }, { depth: 2 }));
