# Exit codes: exitCode, process.exit in handlers, throw in 'exit', uncaught.
"$NODE" -e 'process.exitCode = 7'; echo "code $?"
"$NODE" -e 'process.on("exit", (c) => { console.log("exit", c); process.exitCode = 9; })'; echo "code $?"
"$NODE" -e 'process.on("exit", () => process.exit(4)); process.exit(2)'; echo "code $?"
"$NODE" -e 'setTimeout(() => { throw new Error("x") }, 1)' 2>/dev/null; echo "code $?"
"$NODE" -e 'Promise.reject(1)' 2>/dev/null; echo "code $?"
"$NODE" -e 'process.on("uncaughtException", (e) => console.log("handled", e.message)); throw new Error("t")'; echo "code $?"
"$NODE" --unhandled-rejections=warn -e 'Promise.reject(new Error("w")); setTimeout(() => console.log("alive"), 5)' 2>/dev/null; echo "code $?"
"$NODE" -e 'process.exit("3")'; echo "code $?"
