// node:assert messages and AssertionError fields, as Node prints them.
const assert = require('node:assert');
const strict = require('node:assert/strict');
function show(fn) {
  try {
    fn();
    console.log('no throw');
  } catch (e) {
    console.log(e.name, e.code, JSON.stringify(e.message), e.operator, e.generatedMessage);
  }
}
show(() => assert.strictEqual(1, 2));
show(() => assert.equal('a', 'b'));
show(() => assert.deepStrictEqual({ a: [1, 2] }, { a: [1, 3] }));
show(() => assert.notStrictEqual(1, 1));
show(() => assert.strictEqual(1, 2, 'custom message'));
show(() => assert.ok(0));
show(() => assert(false, 'with message'));
show(() => assert.throws(() => {}));
show(() => assert.throws(() => { throw new TypeError('x'); }, RangeError));
show(() => assert.throws(() => { throw new Error('abc'); }, /abc/));
show(() => assert.match('hello', /bye/));
show(() => assert.fail('boom'));
show(() => strict.equal(1, '1'));
show(() => assert.deepEqual(1, '1'));
show(() => assert.ifError(null));
show(() => assert.ifError(new Error('if error')));
assert.rejects(Promise.reject(new Error('r')), /r/).then(() => console.log('rejects ok'));
assert.doesNotReject(Promise.resolve(1)).then(() => console.log('doesNotReject ok'));
