# --eval=, --print=, -pe, --require= forms.
cd "$(dirname "$0")"
"$NODE" --eval='console.log("eq form")'
"$NODE" --print='1 + 1'
"$NODE" -pe '"pe"'
"$NODE" --require=./fixtures/pre-b.js -e 'console.log("after require=")'
"$NODE" -e 'console.log(process.execArgv)' 
"$NODE" -r ./fixtures/pre-b.js -e 'console.log(process.execArgv)'
