# The seed's -e/-p one-liners that need no network or fs.
"$NODE" -p "process.version"
"$NODE" -e "console.log('hello from -e')"
"$NODE" -p "[1, 2, 3].map((x) => x * 2)"
