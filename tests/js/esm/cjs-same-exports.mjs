import { createRequire } from 'node:module';
import lib from './fixtures/more/plain.cjs';
const require = createRequire(import.meta.url);
const r = require('./fixtures/more/plain.cjs');
console.log(lib === r, r.value);
r.value = 'mutated through require';
console.log(lib.value);
