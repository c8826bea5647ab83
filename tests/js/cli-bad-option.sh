# Unknown options are refused with exit code 9 (the message goes to stderr).
"$NODE" --no-such-option -e 'console.log("never")'
echo "exit code $?"
"$NODE" -e
echo "exit code $?"
