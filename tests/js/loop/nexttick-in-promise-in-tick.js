// Interleaving: tick -> promise -> tick -> promise chains.
const out = [];
process.nextTick(() => {
  out.push('t1');
  Promise.resolve().then(() => {
    out.push('p1');
    process.nextTick(() => { out.push('t2'); Promise.resolve().then(() => out.push('p2')); });
    Promise.resolve().then(() => out.push('p1b'));
  });
});
setTimeout(() => console.log(out.join(' ')), 1);
