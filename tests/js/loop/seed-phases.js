// The seed's sample: sync, then nextTick, then promise, then the loop.
// (timeout vs immediate at top level is racy in Node; the timer here is
// later than the immediate on purpose.)
setTimeout(() => console.log("timeout"), 200);
setImmediate(() => console.log("immediate"));
Promise.resolve().then(() => console.log("promise"));
process.nextTick(() => console.log("nextTick"));
console.log("sync");
