import * as ns from './fixtures/syn/cjs-detect.cjs';
console.log(Object.keys(ns));
console.log(ns.a, ns.b, ns.getter, ns.fromModule, typeof ns.fn, ns.default.dyn);
