import { gen, agen, afn } from './fixtures/forms.mjs';
console.log([...gen()], await afn());
const out = [];
for await (const v of agen()) out.push(v);
console.log(out);
