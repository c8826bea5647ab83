// Class instances, null prototypes, Symbol.toStringTag.
const { inspect } = require('util');
class A { constructor() { this.x = 1; } }
class B extends A {}
console.log(inspect(new A()), inspect(new B()));
const np = Object.create(null); np.k = 1;
console.log(inspect(np));
class Tagged { get [Symbol.toStringTag]() { return 'Tag'; } }
console.log(inspect(new Tagged()));
console.log(inspect(Object.assign(Object.create(A.prototype), { y: 2 })));
function Old() { this.z = 3; }
console.log(inspect(new Old()));
console.log(inspect(class {}), inspect(class Named extends A {}));
const anon = new (class {})();
console.log(inspect(anon));
