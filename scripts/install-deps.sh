#!/bin/sh
# Install the Debian packages that building, testing and benchmarking nodec
# need, and only those that are missing.  Safe to run any number of times.
# `make` runs it on a fresh checkout; later issues add their packages here.
set -eu

# Package list, one per line: what it is for.
PACKAGES="
gcc
make
clang
pkgconf
libcmocka-dev
libuv1-dev
liburing-dev
libc-ares-dev
groff-base
strace
curl
wrk
python3
libhttp-parser-dev
libmbedtls-dev
openssl
libjavascriptcoregtk-4.1-dev
"
# gcc, make:            the build
# clang:                `make CC=clang` and the clang build in `make test`
# pkgconf:              the .pc files are checked with pkg-config
# libcmocka-dev:        C tests
# libuv1-dev:           benchmarks and the compatibility test build against libuv
# liburing-dev:         the io_uring backend
# libc-ares-dev:        DNS in the loop (nd_getaddrinfo, the resolver): c-ares 1.18
# groff-base:           `make check-man` lints the man pages
# strace:               tests check which system calls a backend makes
# curl:                 the HTTP example's test talks to it as a real client
# wrk:                  HTTP load: the example's test and the http_hello benchmark
# python3:              the HTTP example's test sends raw and pipelined requests
# libhttp-parser-dev:   the oracle the HTTP parser's test compares with
# libmbedtls-dev:       TLS streams and the crypto functions: mbedTLS 2.28
# openssl:              the CLI: the TLS tests make their certificates with
#                       it and use s_server/s_client as independent peers
# libjavascriptcoregtk-4.1-dev: the engine of nodec (src/nodec/)

missing=""
for p in $PACKAGES; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in
    *" installed") ;;
    *) missing="$missing $p" ;;
  esac
done

if [ -z "$missing" ]; then
  exit 0
fi

echo "install-deps: missing Debian packages:$missing"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "install-deps: run as root (or with sudo) to install them:" >&2
    echo "  apt-get install -y$missing" >&2
    exit 1
  fi
else
  SUDO=""
fi

export DEBIAN_FRONTEND=noninteractive
# A fresh machine has no package lists; refresh them once, then install.
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
echo "install-deps: done"
