# process.stdin when it is a file: the same data, read without polling.
tmp=${TMPDIR:-/tmp}/stdin-file.$$
seq 1 50000 >"$tmp"
for mode in data readable iterate read-n; do
  "$NODE" fixtures/stdin-modes.js $mode <"$tmp"
done
"$NODE" fixtures/stdin-modes.js pipe <"$tmp" 2>/dev/null | tail -n +2 | cmp -s - "$tmp" && echo "piped back identical"
rm -f "$tmp"
