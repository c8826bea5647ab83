// Node's coded errors: code, name, message and the stack header.
const cases = [
  () => require('path').join(1),
  () => new (require('events'))().setMaxListeners(-1),
  () => require('util').promisify(5),
  () => require('util').inherits(function () {}, null),
  () => setTimeout('x'),
  () => process.nextTick(null),
  () => require('assert').strictEqual(1, 2, new TypeError('given error')),
  () => require('util').parseArgs({ args: ['--nope'], options: {} }),
  () => require('path').basename('/a', 5),
  () => require('util').callbackify('x'),
  () => require('events').EventEmitter.prototype.on.call({}, 'e', 'notfn'),
  () => require('timers/promises').setTimeout(1, 1, null).catch((e) => { throw e; }),
];
for (const f of cases) {
  try {
    const r = f();
    if (r && r.then) r.catch((e) => console.log('async', e.code, e.name, e.message));
    else console.log('no throw');
  } catch (e) {
    console.log(e.code, '|', e.name, '|', e.message, '|', e.stack.split('\n')[0]);
  }
}
