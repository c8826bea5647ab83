# Writing to a pipe whose reader has gone: EPIPE reaches the write callback
# and an 'error' event; unhandled, it ends the process with exit code 1.
tmp=${TMPDIR:-/tmp}/stdio-epipe.$$
{ "$NODE" fixtures/epipe-writer.js handle 2>"$tmp.err"; echo $? >"$tmp.rc"; } | head -c 100 >/dev/null
cat "$tmp.err"
echo "exit code with a handler: $(cat "$tmp.rc")"
{ "$NODE" fixtures/epipe-writer.js 2>"$tmp.err"; echo $? >"$tmp.rc"; } | head -c 100 >/dev/null
grep -c 'write EPIPE' "$tmp.err"
grep 'exit event' "$tmp.err"
echo "exit code without a handler: $(cat "$tmp.rc")"
# console.log swallows the error (Node's console does): exit code 0.
{ "$NODE" -e "let i = 0; const t = setInterval(() => { console.log('x'.repeat(5000)); if (++i === 200) clearInterval(t); }, 0)" 2>"$tmp.err"; echo $? >"$tmp.rc"; } | head -c 10 >/dev/null
echo "console.log into a closed pipe: exit $(cat "$tmp.rc")"
rm -f "$tmp.err" "$tmp.rc"
