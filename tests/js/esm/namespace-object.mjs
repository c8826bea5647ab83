import * as ns from './fixtures/counter.mjs';
console.log(Object.getPrototypeOf(ns), Object.isSealed(ns), Object.isFrozen(ns), Object.isExtensible(ns));
console.log(ns[Symbol.toStringTag], String(Object.prototype.toString.call(ns)));
console.log(Object.getOwnPropertyDescriptor(ns, 'count'));
console.log(Reflect.ownKeys(ns).map(String));
console.log('count' in ns, 'nope' in ns, ns.nope);
console.log(ns);
