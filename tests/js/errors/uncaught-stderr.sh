# What an uncaught error prints on stderr: source line, caret, stack,
# version line (checked here by shape, stderr itself is not compared).
cd "$(dirname "$0")"
"$NODE" fixtures/throws.js 2>"${TMPDIR:-/tmp}/nodec-uncaught.$$"
echo "exit $?"
f="${TMPDIR:-/tmp}/nodec-uncaught.$$"
sed -n 1p "$f" | sed "s|$PWD|.|"
sed -n 2,3p "$f"
sed -n 5p "$f"
grep -c '^    at ' "$f" >/dev/null && echo "has frames"
grep '^    at thrower' "$f" | sed "s|$PWD|.|"
tail -1 "$f" | sed 's/v[0-9.]*/vX/'
rm -f "$f"
