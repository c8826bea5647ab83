import { a, fromA } from './fixtures/cycle-a.mjs';
import { b } from './fixtures/cycle-b.mjs';
console.log('main:', a, b, fromA());
