#!/bin/sh
# man-links.sh - the link pages of mdoc man pages.
#
# A page documents every name its NAME section lists with .Nm; each name
# other than the page's own gets a link page, one line that sources it, so
# that "man nd_timer_stop" finds nd_timer_init(3).
#
#   scripts/man-links.sh PAGE...           print the link pages' file names,
#                                          one a line: nd_timer_stop.3 ...
#   scripts/man-links.sh -o MANDIR PAGE... write them as MANDIR/man<sec>/<name>,
#                                          each holding ".so man<sec>/<page>"
set -eu

usage() {
	echo "usage: $0 [-o mandir] page..." >&2
	exit 2
}

mandir=
if [ "${1-}" = -o ]; then
	[ $# -ge 2 ] || usage
	mandir=$2
	shift 2
fi
[ $# -ge 1 ] || usage

for page in "$@"; do
	[ -r "$page" ] || { echo "$0: cannot read $page" >&2; exit 1; }
	file=${page##*/}
	sec=${file##*.}
	# The .Nm names between ".Sh NAME" and the next section, but the page's.
	links=$(awk -v self="${file%.*}" '
		/^\.Sh / { inname = ($2 == "NAME"); next }
		inname && $1 == ".Nm" { sub(/,$/, "", $2); if ($2 != "" && $2 != self) print $2 }
	' "$page")
	for link in $links; do
		if [ -z "$mandir" ]; then
			printf '%s.%s\n' "$link" "$sec"
			continue
		fi
		out=$mandir/man$sec/$link.$sec
		printf '.so man%s/%s\n' "$sec" "$file" > "$out"
		chmod 644 "$out"
	done
done
