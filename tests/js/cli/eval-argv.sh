# Arguments after -e code become process.argv[1..]; argv[0] is the binary.
"$NODE" -e 'console.log(process.argv.length, process.argv.slice(1))' x y z
"$NODE" -e 'console.log(process.argv.slice(1))' -- --flag -x
"$NODE" -e 'console.log(process.argv.slice(1))' a -- b
"$NODE" -e 'console.log(JSON.stringify(process.execArgv.length))'
"$NODE" -e 'console.log(require("path").isAbsolute(process.argv[0]))'
