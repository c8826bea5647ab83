# Exit codes of the crash paths (Node's): uncaught 1, rejection 1,
# exception in the 'uncaughtException' handler 7, throw in 'exit' 7? (Node: 7 only for the handler)
"$NODE" -e 'throw new Error("x")'; echo "uncaught $?"
"$NODE" -e 'Promise.reject(new Error("x"))'; echo "rejection $?"
"$NODE" -e 'process.on("uncaughtException", () => { throw new Error("again") }); throw new Error("x")'; echo "handler throws $?"
"$NODE" -e 'process.exitCode = 5; throw new Error("x")'; echo "exitCode then throw $?"
"$NODE" -e 'setTimeout(() => { throw new TypeError("in timer") }, 1)'; echo "in timer $?"
"$NODE" -e 'throw null'; echo "throw null $?"
"$NODE" -e 'throw "a string"'; echo "throw string $?"
"$NODE" -e 'process.on("exit", (c) => console.log("exit event", c)); throw { plain: true }'; echo "throw object $?"
"$NODE" --unhandled-rejections=warn -e 'Promise.reject(1); setTimeout(() => console.log("survived"), 5)'; echo "warn mode $?"
"$NODE" --unhandled-rejections=none -e 'Promise.reject(1)'; echo "none mode $?"
"$NODE" --unhandled-rejections=warn-with-error-code -e 'Promise.reject(1)'; echo "warn-with-error-code $?"
"$NODE" --unhandled-rejections=strict -e 'process.on("unhandledRejection", () => console.log("handler")); process.on("uncaughtException", (e, o) => console.log("uncaught", o)); Promise.reject(new Error("s"))'; echo "strict $?"
