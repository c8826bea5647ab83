# With no listener left a signal has its default action again.
"$NODE" -e '
const f = () => console.log("handled");
process.on("SIGTERM", f);
process.kill(process.pid, "SIGTERM");
setTimeout(() => {
  process.off("SIGTERM", f);
  console.log("removed");
  process.kill(process.pid, "SIGTERM");
  setTimeout(() => console.log("never"), 100);
}, 20);'
echo "status $?"
"$NODE" -e 'process.kill(process.pid, "SIGINT"); setTimeout(() => {}, 1000)'
echo "status $?"
"$NODE" -e 'process.on("SIGINT", () => { console.log("SIGINT handled"); process.exit(0); }); process.kill(process.pid, "SIGINT"); setTimeout(() => {}, 1000)'
echo "status $?"
