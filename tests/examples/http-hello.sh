#!/bin/sh
# examples/http-hello.c against real clients: curl (keep-alive: two URLs in
# one invocation share one connection), raw sockets from python3 (two
# pipelined requests answered in order in one read; a malformed request gets
# 400 and the connection closes; bodies are read and dropped; a request sent
# one byte per segment is answered; smuggling and an oversized header
# section are refused; thousands of pipelined requests from a client that
# does not read at first, which the server survives by pausing it, then
# answers in full), short wrk loads with no errors (20 connections, then
# 1000 concurrent keep-alive connections), and SIGTERM: every handle
# closed, exit status 0.
set -eu
BUILD=${1:-build}
prog="$BUILD/examples/http-hello"
[ -x "$prog" ] || { echo "missing $prog (make examples builds it)"; exit 1; }
for tool in curl wrk python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "skipped: $tool is not installed (scripts/install-deps.sh installs it)"
    exit 77
  fi
done

dir=$(mktemp -d)
pid=""
cleanup() {
  [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

"$prog" 0 > "$dir/out" 2> "$dir/err" &
pid=$!
port=""
i=0
while [ $i -lt 100 ]; do
  port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9][0-9]*\)$/\1/p' "$dir/out")
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$dir/err"; echo "server died"; exit 1; }
  sleep 0.05
  i=$((i + 1))
done
[ -n "$port" ] || { echo "no 'listening on' line"; exit 1; }
url="http://127.0.0.1:$port"
echo "server $pid on port $port"

fail() { echo "FAIL: $*"; cat "$dir/err"; exit 1; }

# 1. curl: one response with the promised headers and body.
curl -s -i --max-time 10 "$url/" > "$dir/r1" || fail "curl failed"
tr -d '\r' < "$dir/r1" > "$dir/r1n"
grep -qx 'HTTP/1.1 200 OK' "$dir/r1n" || fail "no 200: $(cat "$dir/r1n")"
grep -qx 'Content-Length: 12' "$dir/r1n" || fail "no Content-Length: 12"
[ "$(tail -n 1 "$dir/r1n")" = "Hello World" ] || fail "body differs"

# 2. keep-alive: two URLs, one connection (num_connects is 1, then 0).
connects=$(curl -s --max-time 10 -o /dev/null -o /dev/null \
  -w '%{num_connects}\n' "$url/a" "$url/b" | tr '\n' ' ')
[ "$connects" = "1 0 " ] || fail "keep-alive: num_connects per URL '$connects'"

# 3. Connection: close is honoured: the server closes after the response.
curl -s -i --max-time 10 -H 'Connection: close' "$url/" > "$dir/r3" ||
  fail "curl (Connection: close) failed"
tr -d '\r' < "$dir/r3" | grep -qx 'Connection: close' ||
  fail "no 'Connection: close' in the response"

# 4-7. Raw sockets: pipelining, a malformed request, bodies, a request one
# byte at a time, smuggling, an oversized header section, HTTP/1.0, and a
# client that pipelines far more than the high watermark before it reads
# anything.
python3 - "$port" <<'PY' || fail "raw socket checks"
import socket, sys

port = int(sys.argv[1])
OK = (b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\n"
      b"Content-Type: text/plain\r\n\r\nHello World\n")

def connect():
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s

def read_until_close(s):
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            return data
        data += chunk

def read_exactly(s, n):
    data = b""
    while len(data) < n:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    return data

# Two pipelined requests in one segment: two responses, in order, and the
# connection stays open for a third.
s = connect()
s.sendall(b"GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n")
got = read_exactly(s, 2 * len(OK))
assert got == 2 * OK, "pipelined pair: %r" % got
s.sendall(b"GET /3 HTTP/1.1\r\nHost: x\r\n\r\n")
got = read_exactly(s, len(OK))
assert got == OK, "third request on the same connection: %r" % got
s.close()
print("pipelined pair: 2 responses in order, connection kept")

# A malformed request: 400, then the server closes.
s = connect()
s.sendall(b"this is not http\r\n\r\n")
got = read_until_close(s)
assert got.startswith(b"HTTP/1.1 400 Bad Request\r\n"), "malformed: %r" % got
assert b"Connection: close\r\n" in got
s.close()
print("malformed request: 400 and close")

# Bodies are read and thrown away: a POST with a length, a chunked one,
# then a GET, pipelined in one segment: three answers, in order.
s = connect()
s.sendall(b"POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"
          b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
          b"3;ext=1\r\nabc\r\n0\r\nX-Trailer: t\r\n\r\n"
          b"GET / HTTP/1.1\r\n\r\n")
got = read_exactly(s, 3 * len(OK))
assert got == 3 * OK, "bodies: %r" % got
s.close()
print("requests with bodies: answered, in order")

# A request sent one byte per segment: the parser takes any split.
s = connect()
for b in b"GET /slow HTTP/1.1\r\nHost: x\r\nX-A:  spaced  \r\n\r\n":
    s.send(bytes([b]))
got = read_exactly(s, len(OK))
assert got == OK, "byte at a time: %r" % got
s.close()
print("a request one byte at a time: answered")

# Smuggling: Content-Length and Transfer-Encoding together.
s = connect()
s.sendall(b"POST / HTTP/1.1\r\nContent-Length: 6\r\n"
          b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nG")
got = read_until_close(s)
assert got.startswith(b"HTTP/1.1 400 "), "CL and TE: %r" % got
s.close()
print("Content-Length with Transfer-Encoding: 400 and close")

# A header section over the parser's 16 KiB limit.
s = connect()
s.sendall(b"GET / HTTP/1.1\r\nX-Big: " + b"a" * 17000 + b"\r\n\r\n")
got = read_until_close(s)
assert got.startswith(b"HTTP/1.1 400 "), "big header: %r" % got[:100]
s.close()
print("17 KB header section: 400 and close")

# HTTP/1.0 without keep-alive: answered, then closed.
s = connect()
s.sendall(b"GET / HTTP/1.0\r\n\r\n")
got = read_until_close(s)
assert got.startswith(b"HTTP/1.1 200 OK\r\n") and \
    b"Connection: close\r\n" in got, "HTTP/1.0: %r" % got
s.close()
print("HTTP/1.0: 200 and close")

# Backpressure: 50000 pipelined requests sent before reading anything
# (the server stops reading this client while its responses pile up),
# then every response arrives, in full.  A small receive buffer, set
# before connecting, keeps the kernel from absorbing megabytes of responses
# by itself.
N = 50000
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
s.settimeout(10)
s.connect(("127.0.0.1", port))
s.setblocking(False)
reqs = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n" * N
sent, got = 0, 0
import selectors
sel = selectors.DefaultSelector()
sel.register(s, selectors.EVENT_READ | selectors.EVENT_WRITE)
while got < N * len(OK):
    events = sel.select(timeout=10)
    assert events, "stuck: sent %d of %d bytes, read %d" % (sent, len(reqs), got)
    ev = events[0][1]
    if ev & selectors.EVENT_WRITE and sent < len(reqs):
        try:
            sent += s.send(reqs[sent:sent + 65536])
        except BlockingIOError:
            pass
        if sent == len(reqs):
            sel.modify(s, selectors.EVENT_READ)
    elif ev & selectors.EVENT_READ:
        # Read only while sending is stuck (or done): the server's queue
        # has filled up first.
        chunk = s.recv(1 << 20)
        assert chunk, "closed after %d bytes" % got
        got += len(chunk)
assert got == N * len(OK), got
s.close()
print("%d pipelined requests from a slow reader: all answered" % N)
PY

# 8. A short load: requests made, no socket errors, no non-2xx answers.
wrk -t1 -c20 -d2s "$url/" > "$dir/wrk" 2>&1 || fail "wrk failed: $(cat "$dir/wrk")"
cat "$dir/wrk"
n=$(sed -n 's/^ *\([0-9][0-9]*\) requests in .*/\1/p' "$dir/wrk")
[ -n "$n" ] && [ "$n" -gt 0 ] || fail "wrk made no requests"
! grep -q 'Socket errors' "$dir/wrk" || fail "wrk saw socket errors"
! grep -q 'Non-2xx' "$dir/wrk" || fail "wrk saw non-2xx responses"

# 8b. 1000 concurrent keep-alive connections (each end needs 1000 and more
# descriptors: skipped where the limit is lower).
if [ "$(ulimit -n)" = unlimited ] || [ "$(ulimit -n)" -ge 2100 ]; then
  wrk -t1 -c1000 -d2s "$url/" > "$dir/wrk1000" 2>&1 ||
    fail "wrk -c1000 failed: $(cat "$dir/wrk1000")"
  cat "$dir/wrk1000"
  n=$(sed -n 's/^ *\([0-9][0-9]*\) requests in .*/\1/p' "$dir/wrk1000")
  [ -n "$n" ] && [ "$n" -gt 0 ] || fail "wrk -c1000 made no requests"
  ! grep -q 'Socket errors' "$dir/wrk1000" || fail "wrk -c1000: socket errors"
  ! grep -q 'Non-2xx' "$dir/wrk1000" || fail "wrk -c1000: non-2xx responses"
else
  echo "1000 connections: skipped, ulimit -n is $(ulimit -n)"
fi

# 9. SIGTERM: a clean stop.
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
cat "$dir/err"
[ "$status" -eq 0 ] || fail "exit status $status after SIGTERM"
grep -q 'nd_loop_close() == 0' "$dir/err" || fail "no clean loop close"
# The slow reader of step 7 must have made the server pause at least once.
grep -q ' [1-9][0-9]* backpressure pauses' "$dir/err" ||
  fail "the server never paused a client for backpressure"
echo "ok: SIGTERM, exit status 0"
