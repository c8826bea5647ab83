# The exit status of common endings.
"$NODE" -e ''; echo "empty $?"
"$NODE" -e 'process.exitCode = 42'; echo "exitCode $?"
"$NODE" -e 'process.exit(255)'; echo "255 $?"
"$NODE" -e 'process.exit(256)'; echo "256 $?"
"$NODE" -e 'process.exit(-1)'; echo "-1 $?"
"$NODE" -e 'process.kill(process.pid, "SIGTERM"); setTimeout(() => {}, 1000)'; echo "SIGTERM $?"
"$NODE" -e 'process.abort()' 2>/dev/null; echo "abort $?"
