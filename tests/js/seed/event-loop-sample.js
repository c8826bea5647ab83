// The seed's event loop sample.  Output:
// sync, nextTick, promise, then timeout and immediate in an order that
// "depends on context" (the seed's words): they are printed sorted.
const phases = [];
const report = () => phases.length === 2 && console.log(phases.sort().join('\n'));
setTimeout(() => { phases.push("timeout"); report(); }, 0);
setImmediate(() => { phases.push("immediate"); report(); });

Promise.resolve().then(() => console.log("promise"));
process.nextTick(() => console.log("nextTick"));

console.log("sync");
