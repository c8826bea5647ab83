# process.stdout / stdin by what the descriptor is: a pipe, a file, a
# closed descriptor (as /dev/null).
tmp=${TMPDIR:-/tmp}/stdio-kinds.$$
echo "-- stdout and stdin pipes"
echo in | "$NODE" fixtures/stdout-info.js 2>&1 >/dev/null | cat
echo "-- stdout a file, stdin a file"
"$NODE" fixtures/stdout-info.js <fixtures/stdout-info.js 2>&1 >"$tmp"
echo "-- closed stdin"
"$NODE" fixtures/stdout-info.js 2>&1 >"$tmp" <&-
rm -f "$tmp"
