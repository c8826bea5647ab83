import { load } from './fixtures/more/dyn-relative.mjs';
const m = await load();
console.log(m.where);
