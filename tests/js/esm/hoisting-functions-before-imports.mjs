const early = [typeof later, later()];
console.log(early);
import { increment } from './fixtures/counter.mjs';
console.log(increment());
function later() { return 'declared at the bottom'; }
