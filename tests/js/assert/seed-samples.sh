# An uncaught assertion failure: exit 1 (message on stderr).
"$NODE" -e 'require("assert").strictEqual(1, 2)'
echo "exit $?"
"$NODE" -e 'const assert = require("assert"); assert.deepStrictEqual({ a: 1 }, { a: 1 }); console.log("equal")'
