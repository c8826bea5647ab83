#!/bin/sh
# examples/http-static.c against real clients, over a scratch directory:
# curl's view of a file (status, headers, body byte for byte, 1 MB sent
# with sendfile), HEAD, a Range inside the file and one to its end (206,
# Content-Range), an unsatisfiable range (416), If-None-Match and
# If-Modified-Since (304), 404, 405, a directory without its slash (301),
# listing off (403) and, from a second server started with --list, on;
# path traversal refused (403) however it is spelled; raw sockets from
# python3 for pipelined requests answered in order on one connection and a
# malformed one (400 and close); a short wrk load with no errors; SIGTERM:
# every handle closed, exit status 0.
set -eu
BUILD=${1:-build}
prog="$BUILD/examples/http-static"
[ -x "$prog" ] || { echo "missing $prog (make examples builds it)"; exit 1; }
for tool in curl wrk python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "skipped: $tool is not installed (scripts/install-deps.sh installs it)"
    exit 77
  fi
done

dir=$(mktemp -d)
pid=""
pid2=""
cleanup() {
  [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
  [ -n "$pid2" ] && kill -KILL "$pid2" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

www="$dir/www"
mkdir -p "$www/sub" "$www/docs"
printf 'hello static\n' > "$www/index.html"
printf 'inner <file> & more\n' > "$www/sub/a&b.txt"
printf 'secret\n' > "$dir/secret.txt"
python3 -c 'import os,sys; sys.stdout.buffer.write(os.urandom(1 << 20))' > "$www/big.bin"
touch -d '2020-01-02 03:04:05 UTC' "$www/index.html"

start() { # start OUT ERR ARGS...: prints the port
  out=$1 err=$2
  shift 2
  "$prog" "$@" > "$out" 2> "$err" &
  started=$!
  i=0
  while [ $i -lt 100 ]; do
    port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9][0-9]*\) .*/\1/p' "$out")
    [ -n "$port" ] && return 0
    kill -0 "$started" 2>/dev/null || { cat "$err"; echo "server died"; exit 1; }
    sleep 0.05
    i=$((i + 1))
  done
  echo "no 'listening on' line"
  exit 1
}

start "$dir/out" "$dir/err" "$www" 0
pid=$started
url="http://127.0.0.1:$port"
echo "server $pid on port $port"

fail() { echo "FAIL: $*"; cat "$dir/err"; exit 1; }
status() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }
header() { # header NAME CURL-ARGS...: the value of one response header
  name=$1
  shift
  curl -s -D - -o /dev/null --max-time 10 "$@" | tr -d '\r' |
    sed -n "s/^$name: //Ip" | head -n 1
}

# A file: status, headers, body.
curl -s -i --max-time 10 "$url/index.html" | tr -d '\r' > "$dir/r1"
grep -qx 'HTTP/1.1 200 OK' "$dir/r1" || fail "index: $(cat "$dir/r1")"
grep -qx 'Content-Type: text/html; charset=utf-8' "$dir/r1" || fail "type"
grep -qx 'Content-Length: 13' "$dir/r1" || fail "length"
grep -qx 'Last-Modified: Thu, 02 Jan 2020 03:04:05 GMT' "$dir/r1" ||
  fail "last-modified: $(grep Last-Modified "$dir/r1")"
grep -q '^ETag: "' "$dir/r1" || fail "no ETag"
[ "$(tail -n 1 "$dir/r1")" = "hello static" ] || fail "body"
[ "$(curl -s "$url/")" = "hello static" ] || fail "/ is not index.html"
echo "a file: 200 with type, length, Last-Modified, ETag, body"

# 1 MB, byte for byte (sendfile through nd_stream_pipe).
curl -s --max-time 10 -o "$dir/big" "$url/big.bin"
cmp "$dir/big" "$www/big.bin" || fail "big.bin differs"
echo "1 MB file: identical"

# HEAD: the headers, no body.
curl -s -I --max-time 10 "$url/big.bin" | tr -d '\r' > "$dir/h"
grep -qx 'HTTP/1.1 200 OK' "$dir/h" && grep -qx 'Content-Length: 1048576' "$dir/h" ||
  fail "HEAD: $(cat "$dir/h")"
echo "HEAD: 200, Content-Length, no body"

# Ranges: inside, to the end, from the end, unsatisfiable.
[ "$(status -r 100-199 "$url/big.bin")" = 206 ] || fail "range status"
[ "$(header Content-Range -r 100-199 "$url/big.bin")" = "bytes 100-199/1048576" ] ||
  fail "Content-Range"
curl -s -r 100-199 "$url/big.bin" > "$dir/part"
dd if="$www/big.bin" bs=1 skip=100 count=100 2>/dev/null | cmp - "$dir/part" ||
  fail "range bytes"
curl -s -r 1000000- "$url/big.bin" > "$dir/tail"
dd if="$www/big.bin" bs=1000 skip=1000 2>/dev/null | cmp - "$dir/tail" ||
  fail "range to the end"
curl -s -r -10 "$url/big.bin" > "$dir/last"
tail -c 10 "$www/big.bin" | cmp - "$dir/last" || fail "suffix range"
[ "$(status -r 2000000-2000001 "$url/big.bin")" = 416 ] || fail "416"
[ "$(curl -s -r 2000000- "$url/big.bin")" = "Range Not Satisfiable" ] ||
  fail "416 body"
[ "$(header Content-Length -r 0-65535 -H 'If-Range: "x"' "$url/big.bin")" = 1048576 ] ||
  fail "If-Range: the whole file"
echo "ranges: 206 inside and to the end, 416 beyond"

# Conditional requests.
etag=$(header ETag "$url/index.html")
[ "$(status -H "If-None-Match: $etag" "$url/index.html")" = 304 ] || fail "INM"
[ "$(status -H 'If-None-Match: "other"' "$url/index.html")" = 200 ] || fail "INM other"
[ "$(status -H 'If-Modified-Since: Fri, 03 Jan 2020 00:00:00 GMT' "$url/index.html")" = 304 ] ||
  fail "IMS later"
[ "$(status -H 'If-Modified-Since: Wed, 01 Jan 2020 00:00:00 GMT' "$url/index.html")" = 200 ] ||
  fail "IMS earlier"
echo "If-None-Match and If-Modified-Since: 304 when fresh, 200 otherwise"

# Errors, directories, traversal.
[ "$(status "$url/nope")" = 404 ] || fail "404"
long=$(python3 -c 'print("a" * 3000)')
[ "$(status "$url/$long")" = 414 ] || fail "414 for a 3000-byte URL"
[ "$(status -X POST "$url/")" = 405 ] || fail "405"
[ "$(header Allow -X DELETE "$url/")" = "GET, HEAD" ] || fail "Allow"
[ "$(status "$url/sub")" = 301 ] || fail "301"
[ "$(header Location "$url/sub")" = "/sub/" ] || fail "Location"
[ "$(status "$url/sub/")" = 403 ] || fail "listing should be off"
[ "$(status "$url/sub/a%26b.txt")" = 200 ] || fail "escaped name"
for p in /../secret.txt /sub/../../secret.txt /%2e%2e/secret.txt \
         /sub/%2E%2E/%2e%2e/secret.txt /..%2fsecret.txt /%00 /..; do
  s=$(status --path-as-is "$url$p")
  [ "$s" = 403 ] || fail "traversal $p: $s"
done
echo "404, 414, 405 with Allow, 301 for a directory, listing off, traversal refused"

# Pipelining and a malformed request, from raw sockets.
python3 - "$port" <<'PY' || fail "raw socket checks"
import re, socket, sys

port = int(sys.argv[1])
s = socket.create_connection(("127.0.0.1", port), timeout=10)
s.sendall(b"GET /index.html HTTP/1.1\r\n\r\nHEAD /big.bin HTTP/1.1\r\n\r\n"
          b"GET /sub/a%26b.txt HTTP/1.1\r\nRange: bytes=0-4\r\n\r\n"
          b"GET /nope HTTP/1.1\r\nConnection: close\r\n\r\n")
data = b""
while True:
    chunk = s.recv(65536)
    if not chunk:
        break
    data += chunk
s.close()
codes = re.findall(rb"HTTP/1\.1 (\d{3}) ", data)
assert codes == [b"200", b"200", b"206", b"404"], (codes, data[:400])
assert b"hello static\n" in data and b"inner" in data
print("4 pipelined requests: answered in order, then closed")

s = socket.create_connection(("127.0.0.1", port), timeout=10)
s.sendall(b"GET / HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n")
data = b""
while True:
    chunk = s.recv(65536)
    if not chunk:
        break
    data += chunk
assert data.startswith(b"HTTP/1.1 400 "), data
print("a request the parser refuses: 400 and close")
PY

# A short load.
wrk -t1 -c20 -d2s "$url/index.html" > "$dir/wrk" 2>&1 || fail "wrk: $(cat "$dir/wrk")"
cat "$dir/wrk"
n=$(sed -n 's/^ *\([0-9][0-9]*\) requests in .*/\1/p' "$dir/wrk")
[ -n "$n" ] && [ "$n" -gt 0 ] || fail "wrk made no requests"
! grep -q 'Socket errors' "$dir/wrk" || fail "wrk saw socket errors"
! grep -q 'Non-2xx' "$dir/wrk" || fail "wrk saw non-2xx responses"

# Listing on: a second server.
start "$dir/out2" "$dir/err2" --list "$www" 0
pid2=$started
curl -s --max-time 10 "http://127.0.0.1:$port/sub/" > "$dir/list"
grep -q 'href="a&amp;b.txt"' "$dir/list" || fail "listing: $(cat "$dir/list")"
grep -q '<li><a href="docs/">docs/</a>' "$dir/list" && fail "sub has no docs"
curl -s --max-time 10 "http://127.0.0.1:$port/docs/" | grep -q '<ul>' ||
  fail "empty directory listing"
kill -TERM "$pid2"
wait "$pid2" || fail "listing server: exit status $?"
pid2=""
echo "--list: directories listed, names escaped"

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
cat "$dir/err"
[ "$status" -eq 0 ] || fail "exit status $status after SIGTERM"
grep -q 'nd_loop_close() == 0' "$dir/err" || fail "no clean loop close"
grep -q ' [1-9][0-9]* bytes sent without a copy' "$dir/err" ||
  fail "nothing went out through sendfile"
echo "ok: SIGTERM, exit status 0"
