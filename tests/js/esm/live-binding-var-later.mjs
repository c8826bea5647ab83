import { later } from './fixtures/counter.mjs';
console.log(later);
