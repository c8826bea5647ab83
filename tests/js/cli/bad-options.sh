# Unknown options exit with 9 and print nothing on stdout; options
# after the script name belong to the script.
"$NODE" --bogus
echo "exit $?"
"$NODE" -Z -e 1
echo "exit $?"
"$NODE" --eval
echo "missing arg exit $?"
"$NODE" -r
echo "missing require exit $?"
"$NODE" --bogus 2>&1 | grep -c 'bad option' 
cd "$(dirname "$0")"
"$NODE" fixtures/main.js --bogus -v
echo "exit $?"
