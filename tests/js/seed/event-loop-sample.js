// The seed's event loop sample: sync, nextTick, promise, then the loop
// phases (the timer is given 100 ms so the order is fixed under load).
setTimeout(() => console.log("timeout"), 100);
setImmediate(() => console.log("immediate"));

Promise.resolve().then(() => console.log("promise"));
process.nextTick(() => console.log("nextTick"));

console.log("sync");
