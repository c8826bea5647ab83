# process.stdin from a pipe, read in each of the ways streams allow.
data() { seq 1 30000; }
for mode in data readable iterate pause unread read-n; do
  data | "$NODE" fixtures/stdin-modes.js $mode
done
tmp=${TMPDIR:-/tmp}/stdin-modes.$$
data | "$NODE" fixtures/stdin-modes.js pipe 2>"$tmp" | tail -n 1
cat "$tmp"
rm -f "$tmp"
echo "-- empty input"
"$NODE" fixtures/stdin-modes.js data </dev/null
printf '' | "$NODE" fixtures/stdin-modes.js data
