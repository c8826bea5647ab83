#!/bin/sh
# Run the test suite of one build directory: every cmocka binary, every
# example's check, and the libuv compatibility comparison.  Each program
# runs under a timeout.  Exit status 77 means skipped; the program says why.
#
#   scripts/run-tests.sh build            (make check calls this)
set -u
BUILD=${1:-build}
TIMEOUT=${TEST_TIMEOUT:-300}
pass=0 fail=0 skip=0 failed=""

# Sanitizer builds: every finding fails the test.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:halt_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

run() {
  name=$1; shift
  log="$BUILD/logs/${ND_BACKEND:-default}/$name.log"
  mkdir -p "$BUILD/logs/${ND_BACKEND:-default}"
  start=$(date +%s)
  timeout -k 10 "$TIMEOUT" "$@" >"$log" 2>&1
  rc=$?
  secs=$(( $(date +%s) - start ))
  case $rc in
    0) pass=$((pass + 1)); printf '  PASS    %-28s %3ss\n' "$name" "$secs" ;;
    77) skip=$((skip + 1)); printf '  SKIP    %-28s %s\n' "$name" "$(tail -n 1 "$log")" ;;
    124) fail=$((fail + 1)); failed="$failed $name"
         printf '  FAIL    %-28s timed out after %ss\n' "$name" "$TIMEOUT"; tail -n 30 "$log" ;;
    *) fail=$((fail + 1)); failed="$failed $name"
       printf '  FAIL    %-28s exit %s\n' "$name" "$rc"; tail -n 40 "$log" ;;
  esac
}

echo "== tests in $BUILD (backend: ${ND_BACKEND:-default})"
# A backend this machine cannot run (io_uring under a seccomp filter, say)
# is reported, not failed: the other backend's run still covers the rest.
if ! why=$("$BUILD/tests/backend-probe" 2>&1); then
  echo "  SKIP    every test: backend ${ND_BACKEND:-default} cannot run here: $why"
  exit 0
fi
for t in "$BUILD"/tests/test-*; do
  case $t in *.d) continue ;; esac
  [ -x "$t" ] || continue
  run "$(basename "$t")" "$t"
done

# Fuzz targets: a short smoke run each (long runs are by hand).
for t in "$BUILD"/tests/fuzz-*; do
  case $t in *.d) continue ;; esac
  [ -x "$t" ] || continue
  run "$(basename "$t")" "$t" 3
done

for t in tests/examples/*.sh; do
  [ -f "$t" ] || continue
  run "example-$(basename "$t" .sh)" sh "$t" "$BUILD"
done

# nodec against what Node prints (tests/js/run.sh).
if [ "${JS_SUITE:-1}" = 1 ]; then
  run js-differential sh tests/js/run.sh "$BUILD"
fi
# The built-in JavaScript modules (lib/) against Node's own, when Node is
# here to compare with (it does not depend on the build).
if [ "${JS_ORACLE:-1}" = 1 ] && command -v node >/dev/null 2>&1; then
  run jslib-vs-node node tests/jslib/run.js
fi

for t in tests/compat/*.sh; do
  [ -f "$t" ] || continue
  run "compat-$(basename "$t" .sh)" sh "$t" "$BUILD"
done

cases=$(cat "$BUILD/logs/${ND_BACKEND:-default}"/test-*.log 2>/dev/null |
  awk '/^\[  PASSED  \]/ { n += $4 } END { print n + 0 }')
echo "== $BUILD (${ND_BACKEND:-default}): $pass passed, $fail failed, $skip skipped ($cases test cases passed)"
[ "$fail" -eq 0 ] || { echo "failed:$failed"; exit 1; }
