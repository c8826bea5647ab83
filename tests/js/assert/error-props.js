const assert = require('assert');
try { assert.strictEqual(1, 2); } catch (e) {
  console.log(Object.keys(e).sort(), e.actual, e.expected, e.operator, e.generatedMessage, e.code, e.name);
  console.log(e instanceof assert.AssertionError, e instanceof Error, e.stack.split('\n')[0]);
}
try { assert.strictEqual(1, 2, 'm'); } catch (e) { console.log(e.generatedMessage, e.message, e.stack.split('\n')[0]); }
