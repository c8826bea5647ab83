# The seed notes' one-liner: read JSON from stdin and pretty-print it.
printf '{"name":"nodec","list":[1,2,{"deep":true}],"n":null}' |
  "$NODE" -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.stringify(JSON.parse(s),null,2)))"
echo "exit $?"
# Empty input: JSON.parse('') throws, exit code 1.
"$NODE" -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.stringify(JSON.parse(s),null,2)))" </dev/null 2>/dev/null
echo "empty input exit $?"
