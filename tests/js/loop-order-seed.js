// The seed's event loop sample (timers vs immediate outside I/O is racy
// in Node; this keeps to what is deterministic).
process.nextTick(() => console.log("nextTick"));
Promise.resolve().then(() => console.log("promise"));
console.log("sync");
