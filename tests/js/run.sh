#!/bin/sh
# run.sh BUILD - the JavaScript differential suite.
#
# Each test is tests/js/<name>.js (run as `nodec <name>.js`) or
# tests/js/<name>.sh (run with $NODE set to the runtime, for command-line
# tests), run from tests/js.  tests/js/<name>.expected holds what Node 20
# printed on stdout, after a first line "exit <code>".  The test passes
# when nodec prints exactly that and exits with that code.
#
# When `node` is installed, every test is also run under it and compared
# with the recorded file: a difference means the recording is out of date
# (tests/js/record.sh rewrites them), and fails the suite too.
set -u
BUILD=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
nodec=$(cd "$BUILD" && pwd)/nodec
TIMEOUT=${JS_TEST_TIMEOUT:-30}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nodec-js.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 drift=0 failed=""

# Output of one run: "exit <code>" then stdout.
run_one() { # runtime test-file out-file
  case $2 in
    *.sh) (cd "$here" && NODE=$1 timeout "$TIMEOUT" sh "$2" >"$3.body" 2>"$3.err") ;;
    *) (cd "$here" && timeout "$TIMEOUT" "$1" "$2" >"$3.body" 2>"$3.err") ;;
  esac
  code=$?
  { echo "exit $code"; cat "$3.body"; } >"$3"
}

have_node=0
command -v node >/dev/null 2>&1 && have_node=1

for t in "$here"/*.js "$here"/*.sh; do
  [ -f "$t" ] || continue
  name=$(basename "$t")
  case $name in run.sh|record.sh) continue ;; esac
  base=${name%.*}
  exp="$here/$base.expected"
  if [ ! -f "$exp" ]; then
    echo "  FAIL $name: no $base.expected (tests/js/record.sh $name)"
    fail=$((fail + 1)); failed="$failed $name"; continue
  fi
  run_one "$nodec" "$name" "$tmp/got"
  if cmp -s "$tmp/got" "$exp"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1)); failed="$failed $name"
    echo "  FAIL $name (expected < > nodec):"
    diff "$exp" "$tmp/got" | head -20
    head -c 2000 "$tmp/got.err"
  fi
  if [ $have_node -eq 1 ]; then
    run_one node "$name" "$tmp/node"
    if ! cmp -s "$tmp/node" "$exp"; then
      drift=$((drift + 1)); failed="$failed $name(recording)"
      echo "  DRIFT $name: node now prints something else (tests/js/record.sh $name):"
      diff "$exp" "$tmp/node" | head -10
    fi
  fi
done
echo "js: $pass passed, $fail failed, $drift out of date" \
  "(node $( [ $have_node -eq 1 ] && node --version || echo absent))"
[ $fail -eq 0 ] && [ $drift -eq 0 ] || { echo "failed:$failed"; exit 1; }
