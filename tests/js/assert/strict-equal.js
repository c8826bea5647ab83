// strictEqual/notStrictEqual messages with Node's diff.
const assert = require('assert');
const show = (f) => { try { f(); console.log('passed'); } catch (e) { console.log(e.code, e.name, e.generatedMessage, JSON.stringify(e.operator)); console.log(e.message); } };
show(() => assert.strictEqual(1, 1));
show(() => assert.strictEqual(1, 2));
show(() => assert.strictEqual('a\nb', 'a\nc'));
show(() => assert.strictEqual({ a: 1 }, { a: 1 }));
show(() => assert.notStrictEqual(1, 1));
show(() => assert.strictEqual(1, 2, 'custom message'));
show(() => assert.strictEqual(NaN, NaN));
