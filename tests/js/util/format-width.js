// Long arrays group into columns; breakLength Infinity keeps one line.
const { inspect } = require('util');
console.log(inspect(Array.from({ length: 26 }, (_, i) => String.fromCharCode(97 + i).repeat(i % 5 + 1))));
console.log(inspect({ a: 'x'.repeat(50), b: 'y'.repeat(50) }, { breakLength: Infinity }));
console.log(inspect(Array.from({ length: 8 }, (_, i) => ({ id: i }))));
