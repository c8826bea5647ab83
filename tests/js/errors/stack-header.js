// The stack header comes from name and message at creation time.
const e = new Error('msg');
e.name = 'Renamed';
console.log(e.stack.split('\n')[0], '|', String(e));
const f = new TypeError('');
console.log(JSON.stringify(f.stack.split('\n')[0]));
class MyError extends Error {
  constructor(m) { super(m); this.name = 'MyError'; }
}
const m = new MyError('custom');
console.log(m.stack.split('\n')[0], m instanceof MyError, m instanceof Error);
class Named extends Error {}
Named.prototype.name = 'ProtoName';
console.log(new Named('p').stack.split('\n')[0]);
const noMsg = new Error();
console.log(JSON.stringify(noMsg.stack.split('\n')[0]), noMsg.message === '');
const withCause = new Error('outer', { cause: 'why' });
console.log(withCause.cause, Object.keys(withCause), 'cause' in withCause);
const agg = new AggregateError([new Error('a'), 1], 'many');
console.log(agg.stack.split('\n')[0], agg.errors.length);
e.stack = 'overwritten';
console.log(e.stack);
