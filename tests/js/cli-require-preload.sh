# -r loads modules before the script, in order.
"$NODE" -r ./fixtures/cli/pre1.js --require ./fixtures/cli/pre2.js fixtures/cli/main.js x y
