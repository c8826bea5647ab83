// Error.captureStackTrace on plain objects, with a constructor opt-out.
const rel = (s) => s.split('\n').filter((l) => !l.includes('node:')).join('\n').replaceAll(__dirname, '.');
const o = { name: 'Plain', message: 'object' };
Error.captureStackTrace(o);
console.log(rel(o.stack).split('\n').slice(0, 2).join('\n'));
function outer() { return inner(); }
function inner() { const x = {}; Error.captureStackTrace(x, inner); return x; }
console.log(rel(outer().stack).split('\n').slice(0, 2).join('\n'));
function MyErr(msg) {
  this.message = msg;
  Error.captureStackTrace(this, MyErr);
}
MyErr.prototype.name = 'MyErr';
console.log(rel(new MyErr('ctor').stack).split('\n').slice(0, 2).join('\n'));
const d = Object.getOwnPropertyDescriptor(o, 'stack');
console.log(d.enumerable, d.configurable, 'stack' in o);
try { Error.captureStackTrace(1); } catch (e) { console.log(e.name, e.message); }
const empty = {};
Error.captureStackTrace(empty);
console.log(empty.stack.split('\n')[0]);
