# A syntax error in the main script or a required file: exit 1, stderr
# names the file.
cd "$(dirname "$0")"
"$NODE" fixtures/bad-syntax.js
echo "exit $?"
"$NODE" fixtures/bad-syntax.js 2>&1 | grep -c 'SyntaxError'
"$NODE" -e 'try { require("./fixtures/bad-syntax.js") } catch (e) { console.log(e.name) }'
