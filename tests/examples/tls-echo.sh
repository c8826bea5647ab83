#!/bin/sh
# examples/tls-echo.c, server and client, against each other and against
# Debian's openssl CLI, with certificates made by tests/tls/make-certs.sh:
#   - our client against our server: a line, then 1 MB of random bytes,
#     each echoed whole and checked byte for byte; ten clients at once,
#     1 MB each; 16 MB through a client whose output is read slowly, so
#     that the server must stop reading it (backpressure) and still echo
#     every byte;
#   - `openssl s_client` against our server (chain and host name verified
#     by openssl): 256 KB echoed, then its close_notify;
#   - our client against `openssl s_server` (which echoes nothing back but
#     prints what it gets): the bytes arrive, our client verifies the chain;
#   - our client refuses a server whose CA it does not trust, and one whose
#     certificate names another host: non-zero exit, the reason on stderr;
#   - SIGTERM: every handle closed, exit status 0.
set -eu
BUILD=${1:-build}
prog="$BUILD/examples/tls-echo"
[ -x "$prog" ] || { echo "missing $prog (make examples builds it)"; exit 1; }
for tool in openssl python3; do
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

sh tests/tls/make-certs.sh "$dir/certs" > "$dir/make-certs.log" 2>&1 ||
  { cat "$dir/make-certs.log"; echo "make-certs.sh failed"; exit 1; }
certs=$dir/certs

fail() { echo "FAIL: $*"; cat "$dir/err"; exit 1; }

# start_server CERT KEY: our server on a free port; sets pid and port.
start_server() {
  "$prog" server "$1" "$2" 0 > "$dir/out" 2> "$dir/err" &
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
}

start_server "$certs/server-ec-chain.pem" "$certs/server-ec.key"
echo "server $pid on port $port"
# The client's standard input and output are streams (nd_pipe_open): pipes,
# not the regular files a redirection would give it.
client() { "$prog" client --ca "$certs/ca.pem" localhost "$port"; }
# pipe_through IN OUT ERR: IN through the client into OUT.
pipe_through() { cat "$1" | client 2> "$3" | cat > "$2"; }

# 1. A line, then 1 MB of random bytes: both come back whole.
got=$(echo "hello, TLS" | client 2> "$dir/c1")
[ "$got" = "hello, TLS" ] || fail "a line: got '$got'; $(cat "$dir/c1")"
grep -q 'connected: TLSv1.2, TLS_ECDHE_ECDSA_WITH_' "$dir/c1" ||
  fail "the client did not report TLS 1.2 with ECDHE-ECDSA: $(cat "$dir/c1")"
grep -q 'peer certificate CN=localhost' "$dir/c1" ||
  fail "the client did not report the server's certificate: $(cat "$dir/c1")"
echo "a line: echoed ($(sed -n "1s/.*connected: //p" "$dir/c1"))"
head -c 1048576 /dev/urandom > "$dir/data1"
pipe_through "$dir/data1" "$dir/back1" "$dir/c2" ||
  fail "client (1 MB): $(cat "$dir/c2")"
cmp "$dir/data1" "$dir/back1" || fail "1 MB: the echo differs: $(cat "$dir/c2")"
echo "1 MB: echoed byte for byte"

# 2. Ten clients at once, 1 MB each, each gets its own bytes back.
n=0 pids=""
while [ $n -lt 10 ]; do
  head -c 1048576 /dev/urandom > "$dir/in$n"
  pipe_through "$dir/in$n" "$dir/back$n" "$dir/cerr$n" &
  pids="$pids $!"
  n=$((n + 1))
done
for p in $pids; do
  wait "$p" || fail "a concurrent client failed"
done
n=0
while [ $n -lt 10 ]; do
  cmp "$dir/in$n" "$dir/back$n" ||
    fail "concurrent client $n: echo differs: $(cat "$dir/cerr$n")"
  n=$((n + 1))
done
echo "10 concurrent clients, 1 MB each: every byte back to its sender"

# 3. 16 MB through a client whose output nobody reads for a second: the
# client stops reading the server (nd_stream_pipe into a full pipe), the
# server's echoes pile up past the high watermark and it stops reading the
# client; then the output drains and every byte arrives.
head -c 16777216 /dev/urandom > "$dir/data16"
cat "$dir/data16" | client 2> "$dir/c3" | { sleep 1; cat > "$dir/back16"; } ||
  fail "client (16 MB): $(cat "$dir/c3")"
cmp "$dir/data16" "$dir/back16" || fail "16 MB: the echo differs: $(cat "$dir/c3")"
echo "16 MB read slowly: echoed byte for byte"

# 4. openssl s_client against our server, verifying chain and host name.
# python3 drives it: 256 KB in, the same 256 KB out, then end of input,
# at which s_client sends close_notify and exits 0 (-nocommands: random
# bytes must not be taken for its Q, R and K commands).
python3 - "$port" "$certs/ca.pem" <<'PY' || fail "openssl s_client"
import os, subprocess, sys, threading
port, ca = sys.argv[1], sys.argv[2]
data = os.urandom(256 * 1024)
p = subprocess.Popen(["openssl", "s_client", "-connect", "127.0.0.1:" + port,
                      "-servername", "localhost", "-CAfile", ca,
                      "-verify_return_error", "-verify_hostname", "localhost",
                      "-brief", "-nocommands"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     stderr=subprocess.PIPE)
err = []
reader = threading.Thread(target=lambda: err.append(p.stderr.read()))
reader.start()
def feed():
    p.stdin.write(data)
    p.stdin.flush()
threading.Thread(target=feed, daemon=True).start()
got = b""
while len(got) < len(data):
    chunk = p.stdout.read1(65536)
    if not chunk:
        break
    got += chunk
p.stdin.close()
rc = p.wait(timeout=20)
reader.join(20)
e = err[0].decode(errors="replace") if err else ""
assert got == data, "s_client: %d of %d bytes back; %s" % (len(got), len(data), e)
assert rc == 0, "s_client exit %d: %s" % (rc, e)
assert "Verification: OK" in e, e
proto = [l for l in e.splitlines() if l.startswith(("Protocol version", "Ciphersuite"))]
print("openssl s_client: 256 KB echoed, verified; " + "; ".join(proto))
PY

# 5. Our client refuses a CA it does not know, and a certificate for
# another host: exit status 1, and the reason.
if got=$(echo x | "$prog" client --ca "$certs/unknown-ca.pem" localhost \
    "$port" 2> "$dir/c5"); then
  fail "a server signed by an untrusted CA was accepted"
fi
grep -q 'handshake with localhost failed: certificate signed by an unknown authority' \
  "$dir/c5" || fail "unknown CA: unexpected message: $(cat "$dir/c5")"
echo "untrusted CA: $(head -n 1 "$dir/c5")"

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
cat "$dir/err" | grep -v 'client connected' || true
[ "$status" -eq 0 ] || fail "exit status $status after SIGTERM"
grep -q 'nd_loop_close() == 0' "$dir/err" || fail "no clean loop close"
grep -q ' [1-9][0-9]* backpressure pauses' "$dir/err" ||
  fail "the server never paused a client for backpressure"
grep -q ' 1 failed handshakes' "$dir/err" ||
  fail "the refused handshake was not counted once"
echo "ok: SIGTERM, exit status 0"

# 6. A server for another host name: our client refuses it.
start_server "$certs/wronghost-chain.pem" "$certs/wronghost.key"
if got=$(echo x | client 2> "$dir/c6"); then
  fail "a certificate for wrong.example.org was accepted for localhost"
fi
grep -q 'does not match the host name' "$dir/c6" ||
  fail "wrong host: unexpected message: $(cat "$dir/c6")"
echo "wrong host name: $(head -n 1 "$dir/c6")"
kill -TERM "$pid"
wait "$pid" || fail "the second server's exit status"
pid=""

# 7. Our client against openssl s_server, which prints what it receives
# (python3 runs it, its input kept open: at the end of its input s_server
# would hang up).
python3 - "$prog" "$certs" <<'PY' || fail "our client against openssl s_server"
import socket, subprocess, sys, time
prog, certs = sys.argv[1], sys.argv[2]
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
srv = subprocess.Popen(["openssl", "s_server", "-accept", "127.0.0.1:%d" % port,
                        "-naccept", "1", "-cert", certs + "/server-ec.pem",
                        "-key", certs + "/server-ec.key",
                        "-cert_chain", certs + "/int.pem"],
                       stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
try:
    out = b""
    deadline = time.time() + 10
    while b"ACCEPT\n" not in out and time.time() < deadline:
        out += srv.stdout.read1(4096)
    assert b"ACCEPT\n" in out, "s_server did not start: %r" % out
    c = subprocess.run([prog, "client", "--ca", certs + "/ca.pem", "localhost",
                        str(port)], input=b"line one\nline two\n",
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=20)
    err = c.stderr.decode(errors="replace")
    assert c.returncode == 0, "client exit %d: %s" % (c.returncode, err)
    while b"line two\n" not in out and time.time() < deadline:
        chunk = srv.stdout.read1(4096)
        if not chunk:
            break
        out += chunk
    lines = out.decode(errors="replace").splitlines()
    assert "line one" in lines and "line two" in lines, out
    info = [l.split("connected: ", 1)[1] for l in err.splitlines()
            if "connected: " in l]
    print("our client against openssl s_server: both lines arrived (%s)"
          % "; ".join(info))
finally:
    srv.kill()
    srv.wait()
PY
echo "ok"
