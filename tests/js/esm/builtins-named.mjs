import { once, EventEmitter } from 'events';
import { promisify, inspect } from 'node:util';
import assert, { strictEqual, deepStrictEqual } from 'assert';
import { setTimeout as sleep } from 'timers/promises';
import strict from 'node:assert/strict';
const e = new EventEmitter();
setTimeout(() => e.emit('go', 42), 1);
const [v] = await once(e, 'go');
console.log(v, typeof promisify, inspect({ a: [1] }));
strictEqual(1, 1); deepStrictEqual({ a: 1 }, { a: 1 }); assert(true);
console.log(await sleep(1, 'slept'), typeof strict.equal);
try { strict.equal(1, 2); } catch (err) { console.log(err.code); }
