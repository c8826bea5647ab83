// process.nextTick from different contexts, with arguments.
const out = [];
process.nextTick((a) => out.push('t1 ' + a), 'x');
setImmediate(() => {
  process.nextTick(() => out.push('tick in immediate'));
  out.push('immediate');
});
Promise.resolve().then(() => {
  out.push('promise');
  process.nextTick(() => out.push('tick from promise'));
});
process.on('exit', () => console.log(out.join(', ')));
