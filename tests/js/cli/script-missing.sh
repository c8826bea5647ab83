# A missing main script is MODULE_NOT_FOUND with exit 1.
"$NODE" no-such-file.js
echo "exit $?"
"$NODE" no-such-file.js 2>&1 | grep -c "Cannot find module"
"$NODE" ./fixtures
echo "dir exit $?"
