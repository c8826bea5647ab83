# Symlinked packages resolve to their real path (cached once), and their
# own requires resolve from the real location.
cd "$(dirname "$0")"
t=$(mktemp -d "${TMPDIR:-/tmp}/nodec-links.XXXXXX")
mkdir -p "$t/app/node_modules" "$t/store/linked/node_modules/inner"
echo "module.exports = { me: __filename, inner: require('inner') };" > "$t/store/linked/index.js"
echo "module.exports = 'inner from the real location';" > "$t/store/linked/node_modules/inner/index.js"
ln -s "$t/store/linked" "$t/app/node_modules/linked"
ln -s "$t/store/linked/index.js" "$t/app/alias.js"
cd "$t/app"
"$NODE" -e '
const a = require("linked");
console.log(a.me.replace(process.argv[1], "T"), a.inner);
console.log(require.resolve("linked").replace(process.argv[1], "T"));
console.log(require("./alias.js") === a);
' "$t"
rm -rf "$t"
