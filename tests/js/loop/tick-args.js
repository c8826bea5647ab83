// process.nextTick passes extra arguments; bad callbacks throw.
process.nextTick((a, b, c) => console.log('args', a, b, c), 1, 'two', [3]);
process.nextTick(function () { console.log('this', this === undefined || this === globalThis, arguments.length); });
for (const bad of [undefined, null, 1, 'f', {}]) {
  try { process.nextTick(bad); } catch (e) { console.log(e.code, e.message); }
}
