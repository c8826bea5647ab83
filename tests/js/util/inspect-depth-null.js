// depth: null and Infinity print everything; depth 0 shows [Object]/[Array].
const { inspect } = require('util');
const v = { a: { b: { c: { d: { e: { f: 1 } } } } }, arr: [[[[[1]]]]] };
console.log(inspect(v, { depth: null }));
console.log(inspect(v, { depth: 0 }));
console.log(inspect(v, { depth: Infinity }) === inspect(v, { depth: null }));
