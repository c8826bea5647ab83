# process.stdout.end(): 'finish' comes; stdout is not closed.  On a pipe
# (a Socket) later writes fail with EPIPE; on a file they still work.
script='
const out = process.stdout;
const log = (m) => process.stderr.write(m + "\n");
out.on("finish", () => log("finish"));
out.on("close", () => log("close"));
out.end("last words\n", () => log("end callback"));
setImmediate(() => out.write("after end\n", (e) => log("write after end: " + (e ? e.code : "ok"))));
out.on("error", (e) => log("error event " + e.code));
'
tmp=${TMPDIR:-/tmp}/stdout-end.$$
echo "-- pipe"
"$NODE" -e "$script" 2>&1 | cat
echo "-- file"
"$NODE" -e "$script" >"$tmp" 2>&1
cat "$tmp"
rm -f "$tmp"
