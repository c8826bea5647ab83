// Loop variables named like an import hide it in the loop only.
import { count, increment } from './fixtures/counter.mjs';
const out = [];
for (const count of ['a', 'b']) out.push(count);
for (let count = 0; count < 2; count++) { out.push(count); }
for (const increment in { k: 1 }) out.push(increment);
increment();
out.push(count);
function f(list) { for (const count of list) out.push(count); return count; }
out.push(f([7]));
console.log(out);
