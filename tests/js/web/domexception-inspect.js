// DOMException: util.inspect output (the stack's frames left out).
const util = require('util');
const first = (v) => util.inspect(v).split('\n')[0];
console.log(first(new DOMException('boom', 'AbortError')));
console.log(first(new DOMException('plain')));
console.log(first(new DOMException('', 'TimeoutError')));
class Sub extends DOMException {}
console.log(first(new Sub('s', 'DataCloneError')));
const e = new DOMException('with props', 'NotFoundError');
e.stack = 'NotFoundError: with props\n    at somewhere (file.js:1:1)';
console.log(util.inspect(e));
e.extra = 1;
console.log(util.inspect(e));
const c = new DOMException('caused', { name: 'AbortError', cause: 'because' });
c.stack = 'AbortError: caused\n    at x (y.js:1:1)';
console.log(util.inspect(c));
console.log(util.inspect({ nested: { e } }, { depth: 0 }));
