# -p prints the value right after the script ran, before ticks and timers.
"$NODE" -p 'setTimeout(() => console.log("later"), 1); "first"'
"$NODE" -p 'process.nextTick(() => console.log("tick")); "value"'
"$NODE" -p 'Promise.resolve().then(() => console.log("job")); [1]'
