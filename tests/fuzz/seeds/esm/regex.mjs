let a = b / c / d, re = /import x from 'y'/g;
if (a) /export/.test(s); else x = a++ / 2;
const o = { import: 1, export: 2 }.import / 2;
const t = `${ `${ { a: '}' }.a }` } import ${'`'}`;
x = y => /re/; z = (1) / 2; w = {} / 1;
// import x from 'nope'
/* export default 1 */
class A { import() { return 1 } static export = 2 }
\u0069mport.meta;
