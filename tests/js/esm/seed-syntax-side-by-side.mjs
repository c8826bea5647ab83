// The seed's "Syntax side by side": the same greet() from a CommonJS
// file and from an ES module.
import { greet } from './fixtures/seed/greet-esm.mjs';
import cjs from './fixtures/seed/greet-cjs.cjs';
import { greet as namedFromCjs } from './fixtures/seed/greet-cjs.cjs';
console.log(greet('ESM'), cjs.greet('CJS'), namedFromCjs('named from CJS'));
console.log(Object.keys(cjs), typeof greet);
