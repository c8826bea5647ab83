# The seed: read JSON from stdin with -e and pretty-print it.
echo '{"name":"nodec","list":[1,2,{"x":null}]}' | "$NODE" -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.stringify(JSON.parse(s),null,2)))"
"$NODE" -p "process.version.startsWith('v20')"
