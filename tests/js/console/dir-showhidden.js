// console.dir of objects with hidden props, classes and getters.
class P { constructor() { this.v = 1; } get g() { return 2; } }
console.dir(new P(), { showHidden: true });
console.dir(Object.defineProperty({}, 'h', { value: 1 }), { showHidden: true });
console.dir({ s: Symbol('x'), [Symbol('k')]: [1] }, { depth: null });
