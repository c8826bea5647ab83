# -e runs code; --eval is the long form; the value is not printed.
"$NODE" -e 'console.log("a", 1 + 1)'
"$NODE" --eval 'console.log("long form")'
"$NODE" -e '42'
echo "exit $?"
"$NODE" -e 'console.log(typeof require, typeof module, typeof exports, typeof __filename, typeof __dirname)'
"$NODE" -e 'console.log(__filename, __dirname === process.cwd())'
"$NODE" -e 'console.log(module.id, module.filename, require.main === undefined)'
