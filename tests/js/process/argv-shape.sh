# argv/argv0/execArgv/execPath for a script with options before it.
cd "$(dirname "$0")"
cat > "${TMPDIR:-/tmp}/nodec-argv-$$.js" <<'JS'
const path = require('path');
console.log(process.argv.length, path.basename(process.argv[1]).replace(/\d+/, 'N'), process.argv.slice(2));
console.log(process.execArgv, path.isAbsolute(process.argv[0]), process.argv[0] === process.execPath);
JS
"$NODE" --no-warnings "${TMPDIR:-/tmp}/nodec-argv-$$.js" --x -y z
rm -f "${TMPDIR:-/tmp}/nodec-argv-$$.js"
