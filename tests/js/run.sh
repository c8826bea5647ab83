#!/bin/sh
# run.sh BUILD - the JavaScript differential suite.
#
# A test is any .js, .mjs, .cjs or .sh file under tests/js outside a
# directory named fixtures (where the files tests load live).  A .js,
# .mjs or .cjs test runs as `nodec <file>`, a .sh test with $NODE set to
# the runtime; both from the test's own directory.  <test>.expected, next
# to it, holds what Node 20 printed on stdout after a first line
# "exit <code>".  The test passes when nodec prints exactly that and exits
# with that code.  The suite's own absolute path reads <tests/js> in both.
#
# With JS_ORACLE=1 (the default) and `node` installed, every test is also
# run under node and compared with its recording: a difference means the
# recording is out of date (tests/js/record.sh rewrites them) and fails
# the suite too.  JS_JOBS tests run at once (default 2).  A test that fails
# (under nodec or node) is run once more, and reported as FLAKY when the
# second run passes.
set -u
here=$(cd "$(dirname "$0")" && pwd)

# run.sh --one RUNTIME TEST OUT: one run of TEST, "exit <code>" then its
# stdout into OUT, stderr into OUT.err.
if [ "${1:-}" = --one ]; then
  rt=$2 t=$3 out=$4
  dir=$(dirname "$t") name=$(basename "$t")
  case $name in
    *.sh) (cd "$dir" && NODE=$rt timeout "${JS_TEST_TIMEOUT:-30}" sh "$name" \
            >"$out.body" 2>"$out.err") ;;
    *) (cd "$dir" && timeout "${JS_TEST_TIMEOUT:-30}" "$rt" "$name" \
          >"$out.body" 2>"$out.err") ;;
  esac
  code=$?
  # Where the suite lives is not part of any result: its path, as a test
  # may print it (also in win32 form), reads <tests/js>.
  root=$(cd "$(dirname "$0")" && pwd)
  win=$(echo "$root" | sed 's|/|\\\\|g')
  { echo "exit $code"; sed -e "s|$root|<tests/js>|g" -e "s|$win|<tests/js>|g" \
      "$out.body"; } >"$out"
  rm -f "$out.body"
  exit 0
fi

# run.sh --check TEST: run one test and report on it.
if [ "${1:-}" = --check ]; then
  t=$2
  rel=${t#"$here"/}
  exp=${t%.*}.expected
  out=$JS_TMP/$(echo "$rel" | tr / _)
  if [ ! -f "$exp" ]; then
    echo "  FAIL $rel: no expected file (tests/js/record.sh $rel)" >"$out.report"
    touch "$out.fail"; exit 0
  fi
  sh "$0" --one "$JS_NODEC" "$t" "$out.got"
  # A test whose timers race a loaded machine's scheduler gets one more
  # run; it is reported either way, so no flaky test goes unnoticed.
  if ! cmp -s "$out.got" "$exp"; then
    cp "$out.got" "$out.first"
    sh "$0" --one "$JS_NODEC" "$t" "$out.got"
    if cmp -s "$out.got" "$exp"; then
      { echo "  FLAKY $rel: failed once, passed on a second run:"
        diff "$exp" "$out.first" | head -10; } >"$out.report"
    fi
  fi
  if ! cmp -s "$out.got" "$exp"; then
    { echo "  FAIL $rel (expected < > nodec):"
      diff "$exp" "$out.got" | head -20
      head -c 2000 "$out.got.err"; } >"$out.report"
    touch "$out.fail"
  fi
  if [ "$JS_HAVE_NODE" = 1 ]; then
    sh "$0" --one node "$t" "$out.node"
    # node on a loaded machine gets the same second chance as nodec.
    if ! cmp -s "$out.node" "$exp"; then
      cp "$out.node" "$out.node.first"
      sh "$0" --one node "$t" "$out.node"
      if cmp -s "$out.node" "$exp"; then
        { echo "  FLAKY $rel: node printed something else once:"
          diff "$exp" "$out.node.first" | head -10; } >>"$out.report"
      else
        { echo "  DRIFT $rel: node now prints something else (tests/js/record.sh $rel):"
          diff "$exp" "$out.node" | head -10; } >>"$out.report"
        touch "$out.drift"
      fi
    fi
  fi
  exit 0
fi

BUILD=${1:-build}
JS_NODEC=$(cd "$BUILD" && pwd)/nodec
JS_TMP=$(mktemp -d "${TMPDIR:-/tmp}/nodec-js.XXXXXX")
trap 'rm -rf "$JS_TMP"' EXIT
JS_HAVE_NODE=0
if [ "${JS_ORACLE:-1}" = 1 ] && command -v node >/dev/null 2>&1; then
  JS_HAVE_NODE=1
fi
export JS_NODEC JS_TMP JS_HAVE_NODE

find "$here" -name fixtures -prune -o -type f \
  \( -name '*.js' -o -name '*.mjs' -o -name '*.cjs' -o -name '*.sh' \) \
  -print | grep -v -e "^$here/run.sh\$" -e "^$here/record.sh\$" | sort \
  >"$JS_TMP/list"
total=$(wc -l <"$JS_TMP/list")
xargs -P "${JS_JOBS:-2}" -n 1 sh "$0" --check <"$JS_TMP/list"

for r in "$JS_TMP"/*.report; do
  [ -f "$r" ] && cat "$r"
done
fail=$(ls "$JS_TMP" | grep -c '\.fail$')
drift=$(ls "$JS_TMP" | grep -c '\.drift$')
echo "js: $((total - fail)) passed, $fail failed, $drift out of date" \
  "(node: $( [ $JS_HAVE_NODE -eq 1 ] && node --version || echo not compared))"
[ "$fail" -eq 0 ] && [ "$drift" -eq 0 ]
