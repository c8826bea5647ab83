// error.stack in V8's format: header, then "    at" frames of this file.
const path = require('path');
function make() {
  return new Error('boom');
}
const e = make();
const lines = e.stack.split('\n');
console.log(lines[0]);
console.log(lines[1].startsWith('    at make ('), lines[1].includes(path.basename(__filename)));
console.log(lines.every((l, i) => i === 0 || l.startsWith('    at ')));
class ValidationError extends Error {
  constructor(msg) {
    super(msg);
    this.name = 'ValidationError';
  }
}
const v = new ValidationError('bad input');
console.log(v.stack.split('\n')[0], v instanceof ValidationError, v instanceof Error);
console.log(Object.prototype.toString.call(v), v.constructor.name, Error.prototype.constructor === Error);
const plain = { name: 'Custom', message: 'captured' };
Error.captureStackTrace(plain);
console.log(plain.stack.split('\n')[0], /\n    at /.test(plain.stack));
function outer() { inner(); }
function inner() {
  const o = {};
  Error.captureStackTrace(o, inner);
  console.log(o.stack.split('\n')[1].trim().startsWith('at outer'));
}
outer();
console.log(Error.stackTraceLimit, typeof Error.captureStackTrace);
const t = TypeError('called without new');
console.log(t instanceof TypeError, t.message, t.stack.split('\n')[0]);
e.stack = 'replaced';
console.log(e.stack, Object.keys(e));
console.log(String(new RangeError('r')), new SyntaxError('s').name);
