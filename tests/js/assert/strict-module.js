// assert/strict and assert.strict: equal means strictEqual.
const strict = require('assert/strict');
console.log(strict === require('assert').strict, strict.equal === require('assert').strictEqual);
try { strict.equal(1, '1'); } catch (e) { console.log(e.operator, e.message.split('\n')[0]); }
try { strict.deepEqual([1], ['1']); } catch (e) { console.log(e.operator); }
const { AssertionError } = require('assert');
const err = new AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
console.log(err.name, err.code, err.actual, err.expected, err instanceof Error);
console.log(err.message.split('\n')[0]);
