// The seed's sample: sync, then nextTick, then promise, then the loop.
// Which of timeout and immediate comes first outside I/O depends on how
// fast the loop starts (the seed says so too), so the loop's two lines
// are printed in a fixed order once both ran.
const loop = [];
const both = () => { if (loop.length === 2) console.log(loop.sort().join(', ')); };
setTimeout(() => { loop.push("timeout"); both(); }, 0);
setImmediate(() => { loop.push("immediate"); both(); });
Promise.resolve().then(() => console.log("promise"));
process.nextTick(() => console.log("nextTick"));
console.log("sync");
