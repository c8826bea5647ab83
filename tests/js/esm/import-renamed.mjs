import { increment as inc, count as n, reset as r } from './fixtures/counter.mjs';
import { 'string name' as sn, renamed, local1 } from './fixtures/forms.mjs';
console.log(inc(), n, typeof r, sn, renamed, local1);
r();
console.log(n);
