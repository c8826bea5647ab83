// Error.stackTraceLimit caps the frames; 0 leaves only the header.
console.log(Error.stackTraceLimit);
function rec(n) { return n === 0 ? new Error('deep') : rec(n - 1); }
console.log(rec(20).stack.split('\n').length - 1);
Error.stackTraceLimit = 3;
console.log(rec(20).stack.split('\n').length - 1);
Error.stackTraceLimit = 0;
console.log(JSON.stringify(rec(5).stack));
Error.stackTraceLimit = 25;
console.log(rec(30).stack.split('\n').length - 1);
Error.stackTraceLimit = 10;
const o = {};
Error.stackTraceLimit = 2;
Error.captureStackTrace(o);
console.log(o.stack.split('\n').length - 1);
