// The seed's rules: .cjs is CommonJS, .mjs is ESM, .js follows the
// nearest package.json "type".
import { kind as a } from './fixtures/seed/typed/a.js';
import b from './fixtures/seed/typed/b.cjs';
import { kind as c } from './fixtures/seed/c.mjs';
import d from './fixtures/seed/d.js';
import e from './fixtures/seed/typed-cjs/e.js';
console.log('typed/a.js', a);
console.log('typed/b.cjs', b.kind);
console.log('c.mjs', c);
console.log('d.js (no type)', d.kind);
console.log('typed-cjs/e.js', e.kind);
