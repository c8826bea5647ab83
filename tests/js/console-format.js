// console.log formatting as Node's util.inspect and util.format do it.
console.log('%s is %d years and %i days, %f%%', 'Bob', 42.5, 7.9, 1.5);
console.log('%j %o', { a: [1, 2] }, [3]);
console.log('extra', 'args', 1, null, undefined, true, 10n, Symbol('s'));
console.log({ a: 1, b: 'two', c: [1, 2, 3], d: { e: { f: { g: 1 } } } });
console.log([1, 'a', null, undefined, [2, [3, [4, [5]]]]]);
console.log(new Map([['k', 1], [{ x: 1 }, [2]]]), new Set([1, 'two']));
class Point { constructor(x, y) { this.x = x; this.y = y; } }
console.log(new Point(1, 2), [new Point(3, 4)]);
console.log(Array.from({ length: 30 }, (_, i) => i * 3));
console.log(Array.from({ length: 120 }, (_, i) => i));
console.log({ longKeyNumberOne: 'some string value', longKeyNumberTwo: 'another string value', three: 3 });
console.log([function named() {}, () => {}, class Foo {}, Math.max]);
console.log(Object.create(null), [undefined, , 3], { 'key-with-dash': 1, valid_id: 2 });
console.log(-0, [-0], 0.1 + 0.2, 1e21, NaN, Infinity);
console.log('str', ['str', "it's", 'a\nb'], { s: 'quote"d' });
console.log(new Date(0), /re+gex/gi, new Error('msg').message);
const circ = { name: 'c' };
circ.self = circ;
console.log(circ);
console.log(new Uint8Array([1, 2, 3]), new ArrayBuffer(4), [1.5, -2]);
console.log({ get g() { return 1; }, set s(v) {} });
console.log(new WeakMap(), new WeakSet());
console.log([[]], [{}], { a: [] }, { a: {} });
console.log('%c styled', 'color: red');
console.log('%s', { toString() { return 'custom'; } }, String(Symbol('x')));
