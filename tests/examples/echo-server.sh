#!/bin/sh
# examples/echo-server.c against real clients (python3 sockets): a line
# comes back; 1 MB sent then half-closed comes back whole before the
# server's end of stream; 20 concurrent clients each get their own 2 MB
# back intact; a client that sends 8 MB before reading anything is paused
# by the server (backpressure) and still gets every byte; SIGTERM stops it
# cleanly, every handle closed, exit status 0.
set -eu
BUILD=${1:-build}
prog="$BUILD/examples/echo-server"
[ -x "$prog" ] || { echo "missing $prog (make examples builds it)"; exit 1; }
if ! command -v python3 >/dev/null 2>&1; then
  echo "skipped: python3 is not installed (scripts/install-deps.sh installs it)"
  exit 77
fi

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
echo "server $pid on port $port"

fail() { echo "FAIL: $*"; cat "$dir/err"; exit 1; }

python3 - "$port" <<'PY' || fail "echo checks"
import os, selectors, socket, sys, threading

port = int(sys.argv[1])

def connect(rcvbuf=None):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.settimeout(20)
    s.connect(("127.0.0.1", port))
    return s

def read_until_close(s):
    parts = []
    while True:
        chunk = s.recv(1 << 20)
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)

# A line comes back.
s = connect()
s.sendall(b"hello, echo\n")
got = b""
while len(got) < 12:
    got += s.recv(100)
assert got == b"hello, echo\n", got
s.close()
print("a line: echoed")

# 1 MB, then half-close: all of it comes back, then the server's EOF.
data = os.urandom(1 << 20)
s = connect()
t = threading.Thread(target=lambda: s.sendall(data) or s.shutdown(socket.SHUT_WR))
t.start()
got = read_until_close(s)
t.join()
assert got == data, "half-close: %d of %d bytes, equal prefix %s" % (
    len(got), len(data), data.startswith(got))
s.close()
print("1 MB then half-close: echoed whole, then EOF")

# 20 clients at once, 2 MB each, each gets its own bytes back.
errors = []
def client(n):
    try:
        payload = os.urandom(2 << 20)
        c = connect()
        w = threading.Thread(target=lambda: c.sendall(payload) or c.shutdown(socket.SHUT_WR))
        w.start()
        back = read_until_close(c)
        w.join()
        c.close()
        if back != payload:
            errors.append("client %d: %d bytes back of %d" % (n, len(back), len(payload)))
    except Exception as e:
        errors.append("client %d: %r" % (n, e))
threads = [threading.Thread(target=client, args=(n,)) for n in range(20)]
for t in threads: t.start()
for t in threads: t.join()
assert not errors, errors
print("20 concurrent clients, 2 MB each: every byte back to its sender")

# A client that sends 8 MB before reading anything: the server pauses it
# when its queue reaches the high watermark; then it reads everything.
data = os.urandom(8 << 20)
s = connect(rcvbuf=4096)
s.setblocking(False)
sel = selectors.DefaultSelector()
sel.register(s, selectors.EVENT_WRITE)
sent = 0
while sent < len(data):
    if not sel.select(timeout=0.5):
        break  # stuck: the server stopped reading us
    try:
        sent += s.send(data[sent:sent + 65536])
    except BlockingIOError:
        pass
stuck = sent < len(data)
sel.modify(s, selectors.EVENT_READ | selectors.EVENT_WRITE)
got = []
ngot = 0
while ngot < len(data):
    events = sel.select(timeout=20)
    assert events, "stuck at %d sent, %d read" % (sent, ngot)
    ev = events[0][1]
    if ev & selectors.EVENT_READ:
        chunk = s.recv(1 << 20)
        assert chunk, "closed after %d bytes" % ngot
        got.append(chunk)
        ngot += len(chunk)
    if ev & selectors.EVENT_WRITE and sent < len(data):
        try:
            sent += s.send(data[sent:sent + 65536])
        except BlockingIOError:
            pass
        if sent == len(data):
            sel.modify(s, selectors.EVENT_READ)
assert b"".join(got) == data, "8 MB differs"
s.close()
print("8 MB from a client that did not read at first: all back%s" %
      (" (it was stuck: the server had stopped reading it)" if stuck else ""))
PY

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
cat "$dir/err"
[ "$status" -eq 0 ] || fail "exit status $status after SIGTERM"
grep -q 'nd_loop_close() == 0' "$dir/err" || fail "no clean loop close"
grep -q ' [1-9][0-9]* backpressure pauses' "$dir/err" ||
  fail "the server never paused a client for backpressure"
echo "ok: SIGTERM, exit status 0"
