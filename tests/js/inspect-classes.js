// util.inspect on class hierarchies, symbols, accessors and toStringTag.
class Animal { constructor(name) { this.name = name; } speak() { return 1; } }
class Dog extends Animal { constructor(name) { super(name); this.tricks = ['sit']; } }
class Empty {}
const sym = Symbol('hidden');
const o = { [sym]: 'symbol value', regular: 1 };
Object.defineProperty(o, 'nonEnum', { value: 2, enumerable: false });
console.log(new Dog('rex'), new Empty(), o);
console.log(require('util').inspect(o, { showHidden: true }));
class Tagged { get [Symbol.toStringTag]() { return 'Custom'; } }
console.log(new Tagged(), Object.create(Dog.prototype));
const anon = new (class {})();
console.log(anon, [anon]);
console.log({ fn() {}, async af() {}, *gen() {}, arrow: () => {} });
console.log([new Boolean(false), new Number(3), new String('boxed'), Object(Symbol('b')), Object(2n)]);
console.log(new Array(5), [1, , 3, , , 6], Object.assign([1, 2], { extra: true }));
console.log({ 'a b': 1, 1: 'num key', [Symbol.iterator]: 0, __proto__x: 3 });
console.log(new Set([[1, 2], { a: new Map([['k', new Set([1])]]) }]));
