# Inside an I/O callback (stdin data), setImmediate always runs before a
# 0 ms timer.
echo data | "$NODE" -e '
process.stdin.once("data", () => {
  setTimeout(() => console.log("timeout"), 0);
  setImmediate(() => console.log("immediate"));
  process.nextTick(() => console.log("nextTick"));
  Promise.resolve().then(() => console.log("promise"));
  process.stdin.pause();
});'
