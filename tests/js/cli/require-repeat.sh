# -r is repeatable, runs in order before the main script, with the
# long form --require, and a module is loaded once.
cd "$(dirname "$0")"
"$NODE" -r ./fixtures/pre-a.js -r ./fixtures/pre-b.js fixtures/main.js one
"$NODE" --require ./fixtures/pre-a.js -e 'console.log("eval", globalThis.preA)'
"$NODE" -r ./fixtures/pre-a.js -r ./fixtures/pre-a.js -p 'globalThis.preACount'
"$NODE" -r ./fixtures/no-such-preload.js -e 'console.log("never")'
echo "missing preload exit $?"
