# A script from stdin: with "-", with no argument, and args after "-".
printf 'console.log("dash", __filename, require.main === module)\n' | "$NODE" -
printf 'console.log("none", process.argv.length)\n' | "$NODE"
printf 'console.log(process.argv.slice(2))\n' | "$NODE" - x y
printf 'const p = require("path"); console.log(p.join("a", "b"))\n' | "$NODE" -
printf 'throw new Error("from stdin")\n' | "$NODE" -
echo "exit $?"
printf '' | "$NODE" -
echo "empty exit $?"
