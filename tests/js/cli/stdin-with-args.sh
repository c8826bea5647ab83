# A script on stdin sees its arguments and can require relative files
# from the cwd.
cd "$(dirname "$0")"
echo 'console.log(process.argv.slice(1), require("./fixtures/argv.js") !== undefined)' | "$NODE" - one two 2>/dev/null | head -1
printf 'console.log(__filename, __dirname)\n' | "$NODE"
printf 'const x = 1\nconsole.log(x + 1)\n' | "$NODE" -
