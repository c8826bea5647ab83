# The uncaught-exception report of an error the engine throws: V8's
# message, and the caret and top frame on the property's name (stderr
# itself is not compared, so its lines are printed here).
cd "$(dirname "$0")"
f="${TMPDIR:-/tmp}/nodec-engine.$$"
"$NODE" fixtures/reads-undefined.js 2>"$f"
echo "exit $?"
sed -n 1p "$f" | sed "s|$PWD|.|"
sed -n 2,3p "$f"
sed -n 5,6p "$f" | sed "s|$PWD|.|"
"$NODE" -e 'let config; console.log(config.port)' 2>"$f"
echo "exit $?"
grep '^TypeError' "$f"
"$NODE" -e 'nosuch()' 2>"$f"
echo "exit $?"
grep '^ReferenceError' "$f"
rm -f "$f"
