# How an ES module entry point fails: the report on stderr and the exit
# code, as Node prints them (paths made relative; the caret's column is
# the engine's own, so caret lines are left out).
show() {
  "$NODE" "$@" 2>&1 | sed -e "s|$PWD|.|g" | grep -v -e '^    at ' -e '^Node.js v' -e '^ *^$'
  echo "exit $("$NODE" "$@" >/dev/null 2>&1; echo $?)"
}
show fixtures/throws.mjs
show fixtures/bad-import-syntax.mjs
show fixtures/tla-throw.mjs
show fixtures/unsettled.mjs
echo "missing entry: exit $("$NODE" fixtures/nope.mjs >/dev/null 2>&1; echo $?)"
