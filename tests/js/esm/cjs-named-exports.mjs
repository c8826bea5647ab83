import lib, { named, fn, viaModule, quoted, defined, later } from './fixtures/lib.cjs';
import * as ns from './fixtures/lib.cjs';
console.log(named, fn(), viaModule, quoted, defined, later);
console.log(Object.keys(ns));
console.log(lib === ns.default, typeof lib);
setTimeout(() => console.log(lib.later, ns.later), 20);
