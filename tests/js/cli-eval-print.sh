# -e, -p, argv after the code, and a script on stdin.
"$NODE" -e 'console.log("eval", 1 + 2, process.argv.length)'
"$NODE" -p '6 * 7'
"$NODE" -p '[1, "two", { three: 3 }]'
"$NODE" -e 'console.log(process.argv.slice(2))' -- a b --c
"$NODE" -p 'typeof require + " " + typeof module + " " + __filename'
echo 'console.log("from stdin", typeof require)' | "$NODE" -
echo 'console.log("piped stdin")' | "$NODE"
"$NODE" -e 'process.exitCode = 4'
echo "exit code $?"
