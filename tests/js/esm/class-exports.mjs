import { Base, Derived, make } from './fixtures/classes.mjs';
const d = make();
console.log(d instanceof Base, d instanceof Derived, d.describe(), Derived.count);
