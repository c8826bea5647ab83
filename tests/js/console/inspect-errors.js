// Errors print with their stack; extra properties appended; causes.
function strip(s) { return s.split('\n').filter(l => !l.includes('node:')).join('\n').replaceAll(__dirname, 'DIR'); }
const e = new Error('boom');
console.log(strip(require('util').inspect(e)));
const t = new TypeError('bad type');
t.code = 'E_CODE';
console.log(strip(require('util').inspect(t)));
const c = new Error('outer', { cause: new Error('inner') });
console.log(strip(require('util').inspect(c)).split('\n')[0]);
const noStack = new Error('no stack'); noStack.stack = undefined;
console.log(require('util').inspect(noStack));
const custom = new RangeError('r'); custom.name = 'CustomName';
console.log(strip(require('util').inspect(custom)).split('\n')[0]);
console.log(require('util').inspect({ err: new Error('nested') }).split('\n')[0]);
class MyErr extends Error {}
console.log(strip(require('util').inspect(new MyErr('sub'))).split('\n')[0]);
