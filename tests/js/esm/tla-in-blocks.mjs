import { seen } from './fixtures/syn/tla-blocks.mjs';
console.log(seen);
