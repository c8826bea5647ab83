#!/bin/sh
# examples/spawn-pipe.c: two programs joined through libnodec pipes give
# what the shell's pipeline gives, with bounded memory, and fail as a
# shell pipeline fails.
set -eu
BUILD=${1:-build}
bin="$BUILD/examples/spawn-pipe"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nd-spawn-pipe.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail() { echo "spawn-pipe: $*" >&2; exit 1; }

# Same bytes as the shell's pipeline, by splice and by copy.
want=$(seq 1 300000 | sha256sum)
for mode in "" -c; do
  got=$(timeout 60 "$bin" $mode seq 1 300000 -- sha256sum 2>"$tmp/err")
  [ "$got" = "$want" ] || fail "seq | sha256sum ($mode): got '$got'"
  grep -q "^spawn-pipe: moved 1988895 bytes" "$tmp/err" ||
    fail "bytes moved ($mode): $(cat "$tmp/err")"
  grep -q "^spawn-pipe: seq: exit 0" "$tmp/err" || fail "seq's exit"
  grep -q "^spawn-pipe: sha256sum: exit 0" "$tmp/err" || fail "sha256sum's exit"
done
grep -q "(0 spliced)" "$tmp/err" || fail "-c spliced bytes"

# 200 MB from a fast writer into a slow reader, through user space with a
# 64 KiB high watermark: memory stays within 8 MiB of what moving nothing
# costs (sanitizer builds start larger), because reading waits for the
# reader.  (ru_maxrss of the example, KiB.)  ASan's quarantine of freed
# memory would count too: keep it small.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=1"
export ASAN_OPTIONS
timeout 60 "$bin" -c true -- true 2>"$tmp/err"
base=$(sed -n 's/^spawn-pipe: peak memory \([0-9]*\) KiB$/\1/p' "$tmp/err")
[ -n "$base" ] || fail "no peak memory reported: $(cat "$tmp/err")"
got=$(timeout 120 "$bin" -c -w 65536 head -c 200000000 /dev/zero -- \
  sh -c 'sleep 1; wc -c' 2>"$tmp/err")
[ "$got" = 200000000 ] || fail "200 MB: got '$got'"
peak=$(sed -n 's/^spawn-pipe: peak memory \([0-9]*\) KiB$/\1/p' "$tmp/err")
[ -n "$peak" ] && [ "$peak" -lt $((base + 8192)) ] ||
  fail "peak memory $peak KiB, $base KiB moving nothing: $(cat "$tmp/err")"

# The reader quits early: the writer dies of SIGPIPE, we do not, and the
# exit code is the reader's.
got=$(timeout 60 "$bin" yes -- head -c 10 2>"$tmp/err") || fail "yes | head: exit $?"
[ "$got" = "$(printf 'y\ny\ny\ny\ny')" ] || fail "yes | head: got '$got'"
grep -q "^spawn-pipe: yes: killed by Broken pipe" "$tmp/err" ||
  fail "yes was not ended by SIGPIPE: $(cat "$tmp/err")"

# Exit codes: the reader's, or 128 + its signal.
set +e
timeout 60 "$bin" seq 3 -- sh -c 'cat >/dev/null; exit 3' 2>/dev/null
[ $? -eq 3 ] || fail "exit code of the reader"
timeout 60 "$bin" seq 3 -- sh -c 'kill -TERM $$' 2>/dev/null
[ $? -eq 143 ] || fail "signal of the reader"

# A missing program is nd_spawn's error: 127, and a message.
timeout 60 "$bin" /nonexistent/prog -- wc -c 2>"$tmp/err"
[ $? -eq 127 ] || fail "missing writer"
grep -q "^spawn-pipe: /nonexistent/prog: no such file or directory" "$tmp/err" ||
  fail "missing writer message: $(cat "$tmp/err")"
timeout 60 "$bin" seq 3 -- /nonexistent/prog 2>"$tmp/err"
[ $? -eq 127 ] || fail "missing reader"
set -e
echo "spawn-pipe: ok"
