# A module over 10 MB (import and export text hidden in comments, strings,
# templates and regular expressions on every line) and a module with a
# 600 KB line: transformed and run with Node's results.
dir=${TMPDIR:-/tmp}/nodec-esm-big.$$
mkdir -p "$dir"
trap 'rm -rf "$dir"' EXIT
awk 'BEGIN {
  print "let total = 0;"
  for (i = 0; i < 210000; i++) {
    printf "// import x from \x27y\x27; export default %d; `${ /*\n", i
    if (i % 100 == 0)
      printf "total += %d / 2; export const s%d = \x27import(\\\x27x\\\x27) /re/ ${\x27 + `export ${\"*\"} from \x27q\x27` + /[/]/.source;\n", i, i
  }
  print "export { total };"
}' > "$dir/big.mjs"
awk 'BEGIN {
  printf "export const line = ["
  for (i = 0; i < 100000; i++) printf "%d/2,", i
  print "0].length;"
}' > "$dir/long.mjs"
printf "import { total, s209900 } from './big.mjs';\nimport * as big from './big.mjs';\nimport { line } from './long.mjs';\nconsole.log(total, s209900, Object.keys(big).length, line);\n" > "$dir/main.mjs"
wc -c < "$dir/big.mjs" | awk '{ print ($1 > 10000000) ? "over 10 MB" : "under 10 MB" }'
"$NODE" "$dir/main.mjs"
