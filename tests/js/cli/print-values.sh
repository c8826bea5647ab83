# -p prints the completion value with util.inspect rules.
"$NODE" -p '1 + 2'
"$NODE" -p '"a string"'
"$NODE" -p 'undefined'
"$NODE" -p 'null'
"$NODE" -p '({ a: 1, b: [1, 2, { c: 3 }], s: "x" })'
"$NODE" -p 'new Map([[1, 2]])'
"$NODE" -p 'var x = 5; x * 2'
"$NODE" -p 'Symbol("s")'
"$NODE" -p '10n ** 20n'
"$NODE" --print '"long"'
"$NODE" -p 'process.argv.length' a b
"$NODE" -p '[undefined, -0, 1e21]'
"$NODE" -p 'function f() {}; f'
