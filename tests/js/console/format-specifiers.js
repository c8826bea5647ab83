// util.format specifiers as console.log applies them.
console.log('%s|%s|%s|%s', 'str', 42, 1n, Symbol('x'));
console.log('%s', { a: { b: { c: 1 } } }, '%s', [1, [2, [3]]]);
console.log('%d|%d|%d|%d', '42', 1.5, 2n, {});
console.log('%i|%i|%i', '42.9', -1.9, 3n);
console.log('%f|%f', '1.25', 'x');
console.log('%j|%j', { a: [1] }, 'str');
const circ = { n: 1 }; circ.self = circ;
console.log('%j', circ);
console.log('%o', { f() {}, a: [1] });
console.log('%O', { a: { b: { c: { d: 1 } } } });
console.log('%s %s', 'only one');
console.log('%x %s', 'y');
console.log('no specifiers', '%s', 3);
console.log('%s', null, undefined, -0, '%d', -0);
console.log('%s', new Error('err in %s').message);
class Foo { toString() { return 'custom'; } }
console.log('%s|%s', new Foo(), new (class Bar {})());
console.log('%s', new Date(0).toISOString());
