#!/bin/sh
# esm-startup.sh - start-up of an ES module hello world (an entry .mjs
# importing a second module and a built-in): wall and CPU time under
# nodec and node, alternating rounds (see lib.sh's compare), medians:
#   bench=esm_startup impl=<nodec|node|nodec/node> value=... unit=<ms|ratio>
# The issue's target is a wall-time ratio of at most 0.35.
. "$(dirname "$0")/lib.sh"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat >"$dir/hello.mjs" <<'JS'
import { greet } from './greet.mjs';
import { sep } from 'node:path';
console.log(greet('world'), sep);
JS
cat >"$dir/greet.mjs" <<'JS'
export const greet = (who) => `hello ${who}`;
JS
compare esm_startup wall_ms ms "$dir/hello.mjs"
compare esm_startup_cpu cpu_ms ms "$dir/hello.mjs"
