# Syntax errors and thrown errors in -e code exit with code 1.
"$NODE" -e 'let x = ;'
echo "syntax exit $?"
"$NODE" -e 'throw new Error("boom")'
echo "throw exit $?"
"$NODE" -p 'nosuchvariable'
echo "reference exit $?"
"$NODE" -e 'process.exit(7)'
echo "exit call $?"
"$NODE" -e 'process.exitCode = 3; console.log("set")'
echo "exitCode $?"
"$NODE" -e 'Promise.reject(new Error("r"))'
echo "rejection exit $?"
"$NODE" -e 'console.log("before"); throw 1'
echo "throw primitive exit $?"
