# "--" ends the options: the next argument is the script.
cd "$(dirname "$0")"
"$NODE" -- fixtures/main.js -e x
"$NODE" -r ./fixtures/pre-b.js -- fixtures/main.js --
