# The seed's CLI note: read JSON from stdin and pretty-print it.  Then a
# large input of two-byte characters, cut anywhere by the reads.
printf '{"name":"nodec","list":[1,2,{"x":"\\u00e9"}]}' | "$NODE" -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.stringify(JSON.parse(s),null,2)))"
awk 'BEGIN { for (i = 0; i < 300000; i++) printf "é"; print "" }' |
  "$NODE" -e "let s='';process.stdin.setEncoding('utf8');process.stdin.on('data',d=>s+=d);process.stdin.on('end',()=>console.log(s.length, s.includes('\ufffd'), [...new Set(s.trim())].join('')))"
echo 'ab' | "$NODE" -e "process.stdin.on('data', (d) => { process.stdin.pause(); console.log('paused after', JSON.stringify(String(d))); })"
