import * as ns from './fixtures/counter.mjs';
console.log(Reflect.getPrototypeOf(ns), Reflect.isExtensible(ns));
console.log(Reflect.set(ns, 'count', 1), Reflect.defineProperty(ns, 'x', { value: 1 }));
console.log(Reflect.deleteProperty(ns, 'nope'), Reflect.deleteProperty(ns, 'count'));
console.log(Object.getOwnPropertyNames(ns), Object.getOwnPropertySymbols(ns).map(String));
console.log(JSON.stringify(ns), Object.entries(ns).length);
console.log(Reflect.setPrototypeOf(ns, null), Reflect.setPrototypeOf(ns, {}));
