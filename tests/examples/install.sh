#!/bin/sh
# make install into a scratch DESTDIR gives a usable library: a libuv
# program builds with `pkg-config libnodec-uv` alone, runs against the
# installed shared library, and make uninstall takes every file back.
set -eu
BUILD=${1:-build}
if [ ! -e "$BUILD/libnodec.so" ]; then
  echo "skipped: $BUILD has no shared library (sanitizer builds make none)"
  exit 77
fi
# A plain `make`, with no target, builds the libraries (dry run, fresh dir).
make -n --no-print-directory V=1 BUILD="$BUILD/default-goal" 2>/dev/null |
  grep -q "libnodec.so" || { echo "plain make does not build the libraries"; exit 1; }

dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
prefix=/opt/nodec-test
make -s --no-print-directory install BUILD="$BUILD" DESTDIR="$dest" PREFIX=$prefix >/dev/null

export PKG_CONFIG_SYSROOT_DIR="$dest"
export PKG_CONFIG_LIBDIR="$dest$prefix/lib/pkgconfig"
want=$(awk '/define ND_VERSION_(MAJOR|MINOR|PATCH) / { v = v (v ? "." : "") $3 }
  END { print v }' include/nodec/version.h)
[ "$(pkg-config --modversion libnodec)" = "$want" ]
# shellcheck disable=SC2046
cc -std=gnu11 -o "$dest/compat" tests/compat/compat-loop.c \
  $(pkg-config --cflags --libs libnodec-uv) -lpthread -Wl,-rpath,"$dest$prefix/lib"
ldd "$dest/compat" | grep -q "libnodec.so.0 => $dest$prefix/lib/libnodec.so.0"
"$dest/compat" | tail -n 1 | grep -qx "32 loop close -> 0"
[ -e "$dest$prefix/share/man/man3/nd_timer_stop.3" ]
[ -e "$dest$prefix/share/man/man7/libnodec.7" ]
[ -e "$dest$prefix/share/man/man1/nodec.1" ]
[ "$("$dest$prefix/bin/nodec" -p '6 * 7')" = 42 ]
# Only nd_ symbols leave the shared library.
others=$(nm -D --defined-only "$dest$prefix/lib/libnodec.so" | awk '{print $3}' | grep -v '^nd_' || true)
[ -z "$others" ] || { echo "exported non-nd_ symbols: $others"; exit 1; }

make -s --no-print-directory uninstall BUILD="$BUILD" DESTDIR="$dest" PREFIX=$prefix >/dev/null
left=$(find "$dest$prefix" -type f -o -type l | grep -v "^$dest/compat$" || true)
[ -z "$left" ] || { echo "left after uninstall: $left"; exit 1; }
echo "install, pkg-config build, run and uninstall: ok"
