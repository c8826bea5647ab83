import { loaded } from './fixtures/more/tla-dyn.mjs';
console.log(loaded);
