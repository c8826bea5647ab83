# argv[1] of a script is its absolute path; argv0 the name it was run as.
cd "$(dirname "$0")"
"$NODE" fixtures/argv.js a 'b c' ''
"$NODE" ./fixtures/argv.js
"$NODE" fixtures/argv
