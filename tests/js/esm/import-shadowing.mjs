// Imported names are read live everywhere except where a nested
// declaration of the same name hides them.
import { count, increment, reset } from './fixtures/counter.mjs';
import * as ns from './fixtures/counter.mjs';
const out = [];
function param(count) { return count; }
function destructured({ count }, [increment]) { return [count, typeof increment]; }
const arrow = (count) => count * 2;
const lone = count => count + 1;
function blockLet() { { let count = 'block'; out.push(count); } return count; }
function hoistedVar() { out.push(count); if (true) { var count = 'var'; } return count; }
function inner() { function count() { return 'inner fn'; } return count(); }
function caught() { try { throw 'thrown'; } catch (count) { return count; } }
function forLet() { const seen = []; for (let count = 10; count < 12; count++) seen.push(count); return seen; }
const obj = { count, [`k${count}`]: count, increment() { return 'method named like an import'; } };
class Fields { count = count; static s = increment; get reset() { return 'getter named reset'; } }
out.push(param('p'), destructured({ count: 'd' }, [1]), arrow(2), lone(3));
out.push(blockLet(), hoistedVar(), inner(), caught(), forLet());
out.push(obj, new Fields().count, Fields.s === increment, new Fields().reset);
increment(); increment();
const later = () => count;
out.push(count, later(), ns.count, typeof count, `${count}`);
reset();
out.push(later(), obj.count, obj.increment());
label: for (const x of [1]) { if (x) break label; }
console.log(out);
