# The seed's special 'error' event: no listener crashes, a listener saves it.
"$NODE" -e '
const { EventEmitter } = require("node:events");
const e = new EventEmitter();
process.on("exit", (c) => console.log("exit", c));
e.emit("error", new Error("boom")); // CRASHES
console.log("never");'
echo "status $?"
"$NODE" -e '
const { EventEmitter } = require("node:events");
const e = new EventEmitter();
e.on("error", (err) => { console.log("Emitter error:", err.message); });
e.emit("error", new Error("boom"));
console.log("survived");'
echo "status $?"
