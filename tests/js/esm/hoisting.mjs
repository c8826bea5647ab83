console.log(typeof hoisted, hoisted());
console.log(count, typeof increment);
import { count, increment } from './fixtures/counter.mjs';
function hoisted() { return 'hoisted function'; }
try { console.log(notYet); } catch (e) { console.log(e.name); }
let notYet = 1;
