import obj, { a, b, c, d } from './fixtures/obj.cjs';
import * as ns from './fixtures/obj.cjs';
console.log(a, b, c(), d, obj);
console.log(Object.keys(ns));
