#!/bin/sh
# startup.sh - start-up time: `-e 0` and a hello-world script, wall time and
# CPU time (issue target: nodec at most 0.3x node's wall time), and the
# peak RSS of hello world (target: at most 0.6x node's).
. "$(dirname "$0")/lib.sh"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo 'console.log("hello world");' >"$dir/hello.js"
compare startup_eval wall_ms ms -e 0
compare startup_eval_cpu cpu_ms ms -e 0
compare startup_hello wall_ms ms "$dir/hello.js"
compare hello_rss rss_kb KiB "$dir/hello.js"
