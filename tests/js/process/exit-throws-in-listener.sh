# A throw inside an 'exit' listener: exit code 7 like Node? (Node: 7 is
# for uncaughtException handler failures; an 'exit' listener throw is an
# ordinary uncaught exception.)
"$NODE" -e 'process.on("exit", () => { throw new Error("in exit") })' 2>/dev/null
echo "status $?"
"$NODE" -e 'process.on("exit", (c) => { console.log("exit", c) }); process.exitCode = 3; null.x' 2>/dev/null
echo "status $?"
