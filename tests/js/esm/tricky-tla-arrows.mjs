import { results, top, last } from './fixtures/tricky/asi-arrows.mjs';
console.log(results, top, last);
