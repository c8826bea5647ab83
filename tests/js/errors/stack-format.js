// error.stack in V8's format with the file's line:col.
const rel = (s) => s.split('\n').filter((l) => !l.includes('node:')).join('\n').replaceAll(__dirname, '.');
function a() { return b(); }
function b() { return new Error('deep'); }
console.log(rel(a().stack));
const obj = { m() { return new TypeError('in method'); } };
console.log(rel(obj.m().stack).split('\n').slice(0, 2).join('\n').replace(/at \S*m /, 'at m '));
class K { make() { return new RangeError('in class'); } }
console.log(rel(new K().make().stack).split('\n')[1].replace(/at \S*make /, 'at make '));
const arrow = () => new SyntaxError('arrow');
console.log(rel(arrow().stack).split('\n').slice(0, 2).join('\n'));
console.log(rel(new Error('top').stack));
const e = new Error('multi\nline message');
console.log(rel(e.stack).split('\n').slice(0, 3).join('\n'));
