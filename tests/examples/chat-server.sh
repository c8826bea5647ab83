#!/bin/sh
# examples/chat-server.c against real clients (python3 sockets): greetings
# and join notices; a line reaches every other client and not its sender;
# lines split across segments and several in one segment; a client that
# never reads is dropped once its queue passes the high watermark, while a
# client that keeps up receives every line in order; leaving is announced;
# 20 clients chatting at once all hear everyone; SIGTERM stops the server
# cleanly, every handle closed, exit status 0.
set -eu
BUILD=${1:-build}
prog="$BUILD/examples/chat-server"
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

python3 - "$port" <<'PY' || fail "chat checks"
import socket, sys, threading, time

port = int(sys.argv[1])

class Client:
    def __init__(self, rcvbuf=None):
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        s.settimeout(20)
        s.connect(("127.0.0.1", port))
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.s = s
        self.buf = b""
        hello = self.line()
        assert hello.startswith("* you are client "), hello
        self.id = int(hello.rsplit(" ", 1)[1])

    def line(self):
        while b"\n" not in self.buf:
            chunk = self.s.recv(65536)
            assert chunk, "closed while waiting for a line"
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line.decode()

    def send(self, data):
        self.s.sendall(data)

a = Client()
b = Client()
assert a.line() == "* client %d joined" % b.id
c = Client()
assert a.line() == "* client %d joined" % c.id
assert b.line() == "* client %d joined" % c.id
print("greetings and join notices")

# A line goes to the others, not back to its sender.
a.send(b"hello\n")
assert b.line() == "%d: hello" % a.id
assert c.line() == "%d: hello" % a.id
# Split across segments, then two in one segment.
b.send(b"spl")
time.sleep(0.05)
b.send(b"it\nfirst\nsecond\n")
for want in ("split", "first", "second"):
    assert a.line() == "%d: %s" % (b.id, want)
    assert c.line() == "%d: %s" % (b.id, want)
# a's own line never came back to it: the next thing a hears is c's line.
c.send(b"from c\n")
assert a.line() == "%d: from c" % c.id
assert b.line() == "%d: from c" % c.id
print("lines reach every other client, whole and in order")

c.s.close()
assert a.line() == "* client %d left" % c.id
assert b.line() == "* client %d left" % c.id
print("leaving is announced")

# A client that never reads: once its queue passes the high watermark the
# server drops it.  a speaks in rounds of 200 lines and waits each time
# until b has heard them all, so b, which keeps up, never falls behind.
slow = Client(rcvbuf=4096)
assert a.line() == "* client %d joined" % slow.id
assert b.line() == "* client %d joined" % slow.id
payload = "x" * 90
sent = heard = 0
dropped = False
for rnd in range(1000):
    a.send("".join("%d %s\n" % (sent + i, payload) for i in range(200)).encode())
    sent += 200
    while heard < sent:
        line = b.line()
        if line == "* client %d dropped: too slow" % slow.id:
            dropped = True
            continue
        assert line == "%d: %d %s" % (a.id, heard, payload), (heard, line[:60])
        heard += 1
    if dropped:
        break
assert dropped, "the slow client was never dropped (%d lines)" % sent
assert a.line() == "* client %d dropped: too slow" % slow.id
print("a client that never read was dropped after %d lines; the one "
      "that kept up heard all of them in order" % sent)
# The slow client's connection is closed by the server.
slow.s.settimeout(20)
try:
    while slow.s.recv(1 << 20):
        pass
except ConnectionResetError:
    pass
print("the dropped client's connection is closed")

# 20 clients, 50 short lines each, all at once: each hears 19 x 50 lines.
a.s.close()
b.s.close()
time.sleep(0.1)
n, per = 20, 50
crowd = [Client() for _ in range(n)]
ids = [k.id for k in crowd]
errors = []
def talk(k, me):
    try:
        others = set(ids) - {me.id}
        want = {o: 0 for o in others}
        expect = len(others) * per
        # Join notices of those who came later arrive first.
        send = threading.Thread(target=lambda: [
            me.send(("%d %d\n" % (me.id, j)).encode()) for j in range(per)])
        send.start()
        got = 0
        while got < expect:
            line = me.line()
            if line.startswith("*"):
                continue
            who, rest = line.split(": ", 1)
            who = int(who)
            assert rest == "%d %d" % (who, want[who]), line
            want[who] += 1
            got += 1
        send.join()
    except Exception as e:
        errors.append("client %d: %r" % (me.id, e))
threads = [threading.Thread(target=talk, args=(k, me)) for k, me in enumerate(crowd)]
for t in threads: t.start()
for t in threads: t.join()
assert not errors, errors[:3]
print("%d clients x %d lines: everyone heard everyone, in order" % (n, per))
PY

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
cat "$dir/err"
[ "$status" -eq 0 ] || fail "exit status $status after SIGTERM"
grep -q 'nd_loop_close() == 0' "$dir/err" || fail "no clean loop close"
grep -q ' 1 slow clients dropped' "$dir/err" ||
  fail "expected exactly one slow client dropped"
echo "ok: SIGTERM, exit status 0"
