# The seed's greet.js: process.argv and the name argument.
cd "$(dirname "$0")"
"$NODE" fixtures/greet.js Manish
"$NODE" fixtures/parseargs.js -p 8080 --dev
"$NODE" fixtures/parseargs.js
