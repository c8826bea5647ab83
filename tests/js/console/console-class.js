// new Console over a stream-like object; inspectOptions and groupIndentation.
const { Console } = require('console');
const chunks = [];
const sink = Object.assign(new (require('events'))(), { write(s) { chunks.push(s); return true; } });
const c = new Console(sink);
c.log('hello', { a: 1 });
c.error('to the same sink');
c.group('g');
c.info('indented');
const c2 = new Console({ stdout: sink, stderr: sink, inspectOptions: { depth: 0 }, groupIndentation: 4 });
c2.log({ a: { b: 1 } });
c2.group();
c2.log('four spaces');
console.log(JSON.stringify(chunks));
console.log(console instanceof Console, typeof Console, require('console') === console || typeof require('console').log);
try { new Console(); } catch (e) { console.log(e.code, e.message); }
