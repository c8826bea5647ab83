// A function called by its imported name gets no `this` (undefined in
// strict code, globalThis in sloppy CommonJS code), as in Node.
import { sloppyThis } from './fixtures/strict.mjs';
import lib from './fixtures/more/this-cjs.cjs';
import { whoAmI } from './fixtures/more/this-cjs.cjs';
console.log(sloppyThis(), whoAmI() === globalThis, lib.whoAmI() === lib);
const o = { sloppyThis };
console.log(o.sloppyThis() === o, [1].map(sloppyThis));
