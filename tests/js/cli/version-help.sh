# -v and --version print process.version; -h prints usage and exits 0.
v=$("$NODE" -v)
echo "$v"
[ "$v" = "$("$NODE" --version)" ] && echo "same long"
[ "$v" = "$("$NODE" -p process.version)" ] && echo "matches process.version"
"$NODE" -h >/dev/null
echo "help exit $?"
"$NODE" --help | grep -c -i usage >/dev/null && echo "help has usage"
