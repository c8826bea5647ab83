#!/bin/sh
# examples/https-hello.c and examples/https-get.c, with certificates made by
# tests/tls/make-certs.sh:
#   - curl --cacert against https-hello: status, headers and body; two URLs
#     in one curl share one TLS connection (keep-alive); a CA that did not
#     sign the server's certificate is refused by curl (exit 60) and the
#     server counts the failed handshake;
#   - python3's ssl module: pipelined requests answered in order, a client
#     that pipelines 20000 requests before reading paused by the server and
#     then answered in full; plain HTTP and garbage on the TLS port dropped;
#   - https-get against https-hello: the status line, the headers and the
#     body on stdout, exit 0;
#   - https-get against `openssl s_server -WWW`: a file served by openssl,
#     with a body that runs until the connection closes; against python3's
#     HTTPS server: a chunked body decoded, and 1 MiB byte for byte;
#   - https-get refusing what it must refuse, with the reason and exit 1:
#     an untrusted CA, a certificate for another host name, an expired
#     certificate, a self-signed one, and nothing listening;
#   - wrk over https for 4 s, 10 connections: requests made, no errors;
#   - SIGTERM: every handle closed, exit status 0.
set -eu
BUILD=${1:-build}
hello="$BUILD/examples/https-hello"
get="$BUILD/examples/https-get"
for p in "$hello" "$get"; do
  [ -x "$p" ] || { echo "missing $p (make examples builds it)"; exit 1; }
done
for tool in openssl curl wrk python3; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "skipped: $tool is not installed (scripts/install-deps.sh installs it)"
    exit 77
  fi
done

dir=$(mktemp -d)
pid="" pid2=""
cleanup() {
  [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null
  [ -n "$pid2" ] && kill -KILL "$pid2" 2>/dev/null
  rm -rf "$dir"
}
trap cleanup EXIT

sh tests/tls/make-certs.sh "$dir/certs" > "$dir/make-certs.log" 2>&1 ||
  { cat "$dir/make-certs.log"; echo "make-certs.sh failed"; exit 1; }
certs=$dir/certs

fail() { echo "FAIL: $*"; cat "$dir/err"; exit 1; }

# start CERT KEY OUT ERR: an https-hello on a free port; sets _pid and
# _port.
start() {
  "$hello" "$1" "$2" 0 > "$3" 2> "$4" &
  _pid=$!
  _port=""
  i=0
  while [ $i -lt 100 ]; do
    _port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9][0-9]*\)$/\1/p' "$3")
    [ -n "$_port" ] && break
    kill -0 "$_pid" 2>/dev/null || { cat "$4"; echo "server died"; exit 1; }
    sleep 0.05
    i=$((i + 1))
  done
  [ -n "$_port" ] || { echo "no 'listening on' line"; exit 1; }
}

start "$certs/server-ec-chain.pem" "$certs/server-ec.key" "$dir/out" "$dir/err"
pid=$_pid port=$_port
url="https://localhost:$port"
echo "server $pid on port $port"

# 1. curl: one response with the promised headers and body.
curl -s -i --max-time 10 --cacert "$certs/ca.pem" "$url/" > "$dir/r1" ||
  fail "curl failed ($?)"
tr -d '\r' < "$dir/r1" > "$dir/r1n"
grep -qx 'HTTP/1.1 200 OK' "$dir/r1n" || fail "no 200: $(cat "$dir/r1n")"
grep -qx 'Content-Length: 12' "$dir/r1n" || fail "no Content-Length: 12"
grep -qx 'Content-Type: text/plain' "$dir/r1n" || fail "no Content-Type"
[ "$(tail -n 1 "$dir/r1n")" = "Hello World" ] || fail "body differs"
echo "curl: 200, Content-Length: 12, Content-Type: text/plain, Hello World"

# 2. keep-alive: two URLs, one connection (num_connects is 1, then 0).
connects=$(curl -s --max-time 10 --cacert "$certs/ca.pem" -o /dev/null \
  -o /dev/null -w '%{num_connects}\n' "$url/a" "$url/b" | tr '\n' ' ')
[ "$connects" = "1 0 " ] || fail "keep-alive: num_connects per URL '$connects'"
echo "curl, two URLs: one TLS connection"

# 3. A CA that did not sign the certificate: curl refuses (60).
rc=0
curl -s --max-time 10 --cacert "$certs/unknown-ca.pem" "$url/" \
  > /dev/null 2>&1 || rc=$?
[ "$rc" -eq 60 ] || fail "curl with the wrong CA: exit $rc, not 60"
echo "curl with a CA that did not sign it: refused (exit 60)"

# 3b. Raw TLS from python3's ssl module: two pipelined requests in one
# record get two responses in order; a client that pipelines 20000
# requests and reads nothing for a while makes the server stop reading it
# (backpressure through TLS), then gets every response; a client that
# speaks plain HTTP to the TLS port, and one that sends garbage, are
# dropped while the server goes on serving.
python3 - "$port" "$certs/ca.pem" <<'PY' || fail "raw TLS checks"
import socket, ssl, sys, threading, time
port, ca = int(sys.argv[1]), sys.argv[2]
OK = (b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\n"
      b"Content-Type: text/plain\r\n\r\nHello World\n")
ctx = ssl.create_default_context(cafile=ca)

def connect(rcvbuf=None):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.settimeout(20)
    s.connect(("127.0.0.1", port))
    return ctx.wrap_socket(s, server_hostname="localhost")

def read_exactly(s, n):
    data = b""
    while len(data) < n:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    return data

s = connect()
s.sendall(b"GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n")
got = read_exactly(s, 2 * len(OK))
assert got == 2 * OK, "pipelined pair: %r" % got
print("ssl: two pipelined requests, two responses in order (%s, %s)"
      % (s.version(), s.cipher()[0]))
s.close()

N = 20000
s = connect(rcvbuf=4096)
reqs = b"GET / HTTP/1.1\r\nHost: x\r\n\r\n" * N
t = threading.Thread(target=lambda: s.sendall(reqs), daemon=True)
t.start()
time.sleep(0.5)          # read nothing yet: the responses pile up
got = read_exactly(s, N * len(OK))
t.join(20)
assert got == N * OK, "slow reader: %d of %d bytes" % (len(got), N * len(OK))
print("ssl: %d pipelined requests from a slow reader: all answered" % N)
s.close()

for what, data in (("plain HTTP", b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
                   ("garbage", bytes(range(256)) * 4)):
    r = socket.create_connection(("127.0.0.1", port), timeout=20)
    r.sendall(data)
    back = b""
    while True:
        chunk = r.recv(65536)
        if not chunk:
            break
        back += chunk
    r.close()
    assert b"HTTP/1.1 200" not in back, back
    print("%s on the TLS port: dropped (%d bytes back: %s)"
          % (what, len(back), "a TLS alert" if back[:1] == b"\x15" else repr(back[:8])))
PY

# 4. https-get against https-hello.
"$get" --ca "$certs/ca.pem" "$url/get/path?q=1" > "$dir/g1" 2> "$dir/g1err" ||
  fail "https-get: $(cat "$dir/g1err")"
printf 'HTTP/1.1 200 OK\nContent-Length: 12\nContent-Type: text/plain\nConnection: close\n\nHello World\n' \
  > "$dir/g1want"
cmp "$dir/g1want" "$dir/g1" || fail "https-get printed: $(cat "$dir/g1")"
grep -q 'TLSv1.2, TLS_ECDHE_ECDSA_WITH_.*certificate CN=localhost verified' \
  "$dir/g1err" || fail "https-get said: $(cat "$dir/g1err")"
echo "https-get: status, headers and body; $(cat "$dir/g1err")"

# 5. https-get refusals: exit 1 and the reason.
refused() { # WHAT EXPECTED-MESSAGE https-get ARGS...
  _what=$1 _want=$2
  shift 2
  _rc=0
  "$get" "$@" > "$dir/gout" 2> "$dir/gerr" || _rc=$?
  [ "$_rc" -eq 1 ] || fail "https-get, $_what: exit $_rc: $(cat "$dir/gerr")"
  [ ! -s "$dir/gout" ] || fail "https-get, $_what: printed $(cat "$dir/gout")"
  grep -q "$_want" "$dir/gerr" ||
    fail "https-get, $_what: no '$_want' in: $(cat "$dir/gerr")"
  echo "https-get, $_what: exit 1, $(head -n 1 "$dir/gerr")"
}
refused "untrusted CA" \
  "TLS handshake with localhost failed: certificate signed by an unknown authority" \
  --ca "$certs/unknown-ca.pem" "$url/"
# Each of these servers is another https-hello with one bad certificate.
for bad in wronghost:"does not match the host name" \
           expired:"certificate has expired" \
           selfsigned:"self-signed certificate"; do
  name=${bad%%:*}
  want=${bad#*:}
  if [ -f "$certs/$name-chain.pem" ]; then chain=$certs/$name-chain.pem
  else chain=$certs/$name.pem; fi
  start "$chain" "$certs/$name.key" "$dir/out2" "$dir/err2"
  pid2=$_pid
  refused "$name certificate" "$want" --ca "$certs/ca.pem" \
    "https://localhost:$_port/"
  kill -TERM "$pid2"
  wait "$pid2" || fail "the $name server's exit status"
  pid2=""
done
# Nothing listening: the port of a server that has stopped.
refused "nothing listening" "could not connect to localhost" \
  --ca "$certs/ca.pem" "https://localhost:$_port/"

# 6. https-get against openssl s_server -WWW: a file, the body ending with
# the connection (HTTP/1.0, no Content-Length).
mkdir "$dir/www"
printf 'served by openssl\nline 2\n' > "$dir/www/file.txt"
python3 - "$get" "$certs" "$dir/www" <<'PY' || fail "https-get against s_server -WWW"
import socket, subprocess, sys, time
get, certs, www = sys.argv[1:4]
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
srv = subprocess.Popen(["openssl", "s_server", "-accept", "127.0.0.1:%d" % port,
                        "-WWW", "-cert", certs + "/server-ec.pem",
                        "-key", certs + "/server-ec.key",
                        "-cert_chain", certs + "/int.pem"],
                       cwd=www, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
try:
    out = b""
    deadline = time.time() + 10
    while b"ACCEPT\n" not in out and time.time() < deadline:
        out += srv.stdout.read1(4096)
    assert b"ACCEPT\n" in out, "s_server did not start: %r" % out
    c = subprocess.run([get, "--ca", certs + "/ca.pem",
                        "https://localhost:%d/file.txt" % port],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=20)
    err = c.stderr.decode(errors="replace")
    assert c.returncode == 0, "exit %d: %s" % (c.returncode, err)
    text = c.stdout.decode()
    head, _, body = text.partition("\n\n")
    lines = head.splitlines()
    assert lines[0] == "HTTP/1.0 200 ok", lines
    assert body == "served by openssl\nline 2\n", repr(body)
    print("https-get against openssl s_server -WWW: %s, %d header(s), "
          "body of %d bytes to the end of the stream"
          % (lines[0], len(lines) - 1, len(body)))
finally:
    srv.kill()
    srv.wait()
PY

# 6b. https-get against python3's HTTPS server: a chunked body (decoded)
# and a 1 MiB body that spans many TLS records, both checked.
python3 - "$get" "$certs" <<'PY' || fail "https-get against python3's server"
import hashlib, http.server, ssl, subprocess, sys, threading
get, certs = sys.argv[1:3]
BIG = bytes((i * 7 + i // 251) & 0xff for i in range(1 << 20))

class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *a):
        pass
    def do_GET(self):
        if self.path == "/chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("X-Test", "chunks")
            self.end_headers()
            for part in (b"first chunk\n", b"second, longer chunk\n"):
                self.wfile.write(b"%x;ext=1\r\n%s\r\n" % (len(part), part))
            self.wfile.write(b"0\r\nX-Trailer: t\r\n\r\n")
        else:
            self.send_response(200)
            self.send_header("Content-Length", str(len(BIG)))
            self.end_headers()
            self.wfile.write(BIG)

srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
ctx.load_cert_chain(certs + "/server-ec-chain.pem", certs + "/server-ec.key")
srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
threading.Thread(target=srv.serve_forever, daemon=True).start()
port = srv.server_address[1]
try:
    def fetch(path):
        c = subprocess.run([get, "--ca", certs + "/ca.pem",
                            "https://localhost:%d%s" % (port, path)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=20)
        assert c.returncode == 0, "%s: exit %d: %s" % (path, c.returncode, c.stderr)
        head, _, body = c.stdout.partition(b"\n\n")
        return head.decode().splitlines(), body
    head, body = fetch("/chunked")
    assert head[0] == "HTTP/1.1 200 OK", head
    assert "Transfer-Encoding: chunked" in head and "X-Test: chunks" in head, head
    assert body == b"first chunk\nsecond, longer chunk\n", body
    print("https-get, chunked body from python3: %d bytes, decoded" % len(body))
    head, body = fetch("/big")
    assert "Content-Length: %d" % len(BIG) in head, head
    assert body == BIG, "1 MiB body: %d bytes, sha256 %s" % (
        len(body), hashlib.sha256(body).hexdigest())
    print("https-get, 1 MiB body from python3: every byte")
finally:
    srv.shutdown()
PY

# 7. A short load over https: requests made, no errors.  Every connection
# starts with a full handshake, a few milliseconds of CPU each (more under
# ASan), so the load is 10 connections for 4 s.
wrk -t1 -c10 -d4s "https://127.0.0.1:$port/" > "$dir/wrk" 2>&1 || fail "wrk failed: $(cat "$dir/wrk")"
cat "$dir/wrk"
n=$(sed -n 's/^ *\([0-9][0-9]*\) requests in .*/\1/p' "$dir/wrk")
[ -n "$n" ] && [ "$n" -gt 0 ] || fail "wrk made no requests"
! grep -q 'Socket errors' "$dir/wrk" || fail "wrk saw socket errors"
! grep -q 'Non-2xx' "$dir/wrk" || fail "wrk saw non-2xx responses"

# 8. SIGTERM: a clean stop.
kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=""
cat "$dir/err"
[ "$status" -eq 0 ] || fail "exit status $status after SIGTERM"
grep -q 'nd_loop_close() == 0' "$dir/err" || fail "no clean loop close"
# The slow reader of 3b must have made the server pause at least once.
grep -q ' [1-9][0-9]* backpressure pauses' "$dir/err" ||
  fail "the server never paused a client for backpressure"
# curl's refusal (3), plain HTTP and garbage (3b) and https-get's refusal
# (5) failed a handshake each.
nfailed=$(sed -n 's/.* \([0-9][0-9]*\) failed handshakes.*/\1/p' "$dir/err")
[ -n "$nfailed" ] && [ "$nfailed" -ge 4 ] ||
  fail "the refused handshakes were not counted ('$nfailed')"
echo "ok: SIGTERM, exit status 0"
