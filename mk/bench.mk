# Benchmarks: bench/<name>.c, written once against libuv's API and built
# twice, against Debian's libuv and against libnodec through
# include/compat/uv.h.  bench/run.sh runs both side by side.
#
#   make bench                  build and run every benchmark
#   make bench BENCH=async1     one benchmark
#   make bench RUNS=5           runs per implementation (default 3)
#   make bench BACKENDS=epoll   libnodec backends to run, each with
#                               ND_BACKEND set (default "io_uring epoll")
#   make bench-build            only build
#
# The flags are fixed rather than taken from CFLAGS, so both sides are always
# compiled the same way.  The libuv side gets no -Iinclude (it must see the
# system uv.h) and neither side gets -fvisibility=hidden, which is for the
# library only.  Both libraries are linked statically (Debian's libuv_a.a,
# our libnodec.a), so neither pays for calls through the PLT;
# BENCH_LIBUV_LIBS=-luv links the shared libuv instead.
#
# bench/<name>.sh, when there is one, is how run.sh runs <name>: the binary
# is then a server and the script loads it (http_hello: wrk) and measures.
# bench/<name>.h files are shared code (tcp_pump.h: tcp_pump1, tcp_pump100).

BENCH_SRCS := $(sort $(wildcard bench/*.c))
BENCH_NAMES := $(BENCH_SRCS:bench/%.c=%)
BENCH_HDRS := $(wildcard bench/*.h)
BENCH_SELECTED := $(if $(BENCH),$(BENCH),$(BENCH_NAMES))
ifneq ($(filter bench bench-build,$(MAKECMDGOALS)),)
ifneq ($(filter-out $(BENCH_NAMES),$(BENCH_SELECTED)),)
$(error BENCH=$(BENCH): no such benchmark; there are: $(BENCH_NAMES))
endif
endif
BENCH_BINS := $(foreach n,$(BENCH_SELECTED),\
	$(BUILD)/bench/$(n)-libuv $(BUILD)/bench/$(n)-libnodec)

BENCH_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -MMD -MP
BENCH_LIBUV_LIBS ?= -l:libuv_a.a
# http_parse has no libuv side (libuv has no HTTP parser): its other build
# measures Debian's http-parser instead, and says impl=http_parser.
BENCH_LIBUV_LDFLAGS_http_parse := -lhttp_parser
# The TLS benchmarks have no libuv side either (libuv has no TLS): their
# other build is the same work on mbedTLS alone, and says impl=mbedtls.
BENCH_MBEDTLS_LIBS := -lmbedtls -lmbedx509 -lmbedcrypto
BENCH_LIBUV_LDFLAGS_tls_pump := $(BENCH_MBEDTLS_LIBS)
BENCH_LIBUV_LDFLAGS_tls_handshake := $(BENCH_MBEDTLS_LIBS)

$(BUILD)/bench/%-libuv: bench/%.c $(BENCH_HDRS) | $(DEPS_STAMP)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(BENCH_CFLAGS) -DBENCH_IMPL='"libuv"' -o $@ $< \
		$(BENCH_LIBUV_OBJS_$*) $(LDFLAGS) $(BENCH_LIBUV_LIBS) \
		$(BENCH_LIBUV_LDFLAGS_$*) -lpthread

# http_hello parses with nd_http_parser in both builds, so that the two
# differ only in the loop: the libuv build gets the parser's object, built
# with the flags the library's own copy gets (it needs no loop).
BENCH_LIBUV_OBJS_http_hello := $(BUILD)/bench/http-parser.o
$(BUILD)/bench/http_hello-libuv: $(BUILD)/bench/http-parser.o
$(BUILD)/bench/http-parser.o: src/net/http-parser.c $(FLAGS_STAMP) | $(DEPS_STAMP)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(ND_CFLAGS) -Isrc $(CFLAGS) -c -o $@ $<

$(BUILD)/bench/%-libnodec: bench/%.c $(BENCH_HDRS) $(LIB_A) | $(DEPS_STAMP)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(BENCH_CFLAGS) -DBENCH_IMPL='"libnodec"' \
		-Iinclude/compat -Iinclude -o $@ $< \
		$(LDFLAGS) $(LIB_A) $(LIBS)

.PHONY: bench bench-build
bench-build: $(BENCH_BINS)

bench: bench-build
	$(Q)BENCH='$(BENCH)' RUNS='$(RUNS)' \
		$(if $(BACKENDS),BACKENDS='$(BACKENDS)') bench/run.sh $(BUILD)/bench \
		$(BENCH_SELECTED)

# dns_resolve runs the tests' DNS responder in the benchmark.
$(BUILD)/bench/dns_resolve-libnodec: tests/dns-responder.h

-include $(BENCH_BINS:=.d) $(BUILD)/bench/http-parser.d
