# Tests: one cmocka binary per area, tests/test-<area>.c.
#
# `make test` builds and runs the suite with the default build, then again
# with ASan+UBSan (BUILD=build/asan SAN=1) and with clang (BUILD=build/clang).
# `make check` runs the suite in the current BUILD, once per backend.

TEST_SRCS := $(sort $(wildcard tests/test-*.c))
TEST_BINS := $(TEST_SRCS:tests/%.c=$(BUILD)/tests/%)
TEST_LIBS := -lcmocka -lpthread

# Per-test link flags: fault injection goes through the linker.
TEST_LDFLAGS_test-timer := -Wl,--wrap=clock_gettime
# The HTTP parser's test compares with http-parser 2.9 (the oracle).
TEST_LDFLAGS_test-http-parser := -lhttp_parser

# The DNS tests run a responder of their own (shared with the fuzz target).
$(BUILD)/tests/test-dns: tests/dns-responder.h

# Fuzz targets, tests/fuzz-<area>.c: built with the tests; run-tests.sh
# runs each for a few seconds, and longer runs are by hand (see the file).
FUZZ_SRCS := $(sort $(wildcard tests/fuzz-*.c))
FUZZ_BINS := $(FUZZ_SRCS:tests/%.c=$(BUILD)/tests/%)
$(BUILD)/tests/fuzz-%: tests/fuzz-%.c tests/dns-responder.h $(LIB_A) $(FLAGS_STAMP)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(ND_CFLAGS) $(CFLAGS) -o $@ $< $(LDFLAGS) $(LIB_A) $(LIBS) \
		-lpthread

# The module transform's test links the transform alone (no engine).
$(BUILD)/tests/test-esm: tests/test-esm.c src/nodec/esm.c src/nodec/esm.h $(FLAGS_STAMP)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(ND_CFLAGS) $(CFLAGS) -Isrc -o $@ $< src/nodec/esm.c $(LDFLAGS) \
		-lcmocka

$(BUILD)/tests/%: tests/%.c tests/test-util.h tests/stream-util.h $(LIB_A) $(FLAGS_STAMP)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(ND_CFLAGS) $(CFLAGS) -o $@ $< $(LDFLAGS) \
		$(TEST_LDFLAGS_$*) $(LIB_A) $(LIBS) $(TEST_LIBS)

# The compatibility test: tests/compat/<name>.c is a libuv program, built
# against Debian's libuv and against libnodec; tests/compat/<name>.sh
# compares what the two print.  The libuv side sees only the system uv.h.
COMPAT_SRCS := $(sort $(wildcard tests/compat/*.c))
COMPAT_BINS := $(foreach s,$(COMPAT_SRCS:tests/compat/%.c=%),\
	$(BUILD)/compat/$(s)-libuv $(BUILD)/compat/$(s)-libnodec)
COMPAT_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -g

$(BUILD)/compat/%-libuv: tests/compat/%.c | $(DEPS_STAMP)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(COMPAT_CFLAGS) $(CFLAGS) -o $@ $< $(LDFLAGS) -luv -lpthread

$(BUILD)/compat/%-libnodec: tests/compat/%.c $(LIB_A) $(FLAGS_STAMP)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(COMPAT_CFLAGS) $(CFLAGS) -Iinclude/compat -Iinclude -o $@ $< \
		$(LDFLAGS) $(LIB_A) $(LIBS)

# Asked by scripts/run-tests.sh whether a backend can run here at all.
PROBE_BIN := $(BUILD)/tests/backend-probe
$(PROBE_BIN): tests/backend-probe.c $(LIB_A) $(FLAGS_STAMP)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(ND_CFLAGS) $(CFLAGS) -o $@ $< $(LDFLAGS) $(LIB_A) $(LIBS)

.PHONY: test check check-build
check-build: $(TEST_BINS) $(FUZZ_BINS) $(EXAMPLE_BINS) $(COMPAT_BINS) \
	$(PROBE_BIN) $(BUILD)/nodec

# Every backend runs the whole suite (BACKENDS="epoll" narrows it).  The
# comparisons with Node itself (ORACLE=1: JS recordings, lib/ against
# Node's modules) depend on no build, so they run with the first backend.
# The JS differential suite (760 programs) runs with every backend of the
# default build, and with the first backend of the sanitizer and clang
# builds (JS_EVERY_BACKEND=0): what nodec does in JavaScript is the same on
# both, and the backends themselves are covered by the C suite.
BACKENDS ?= io_uring epoll
ORACLE ?= 1
JS_EVERY_BACKEND ?= 1
check: lib check-build
	$(Q)o=$(ORACLE); j=1; for b in $(BACKENDS); do \
		JS_SUITE=$$j JS_ORACLE=$$o ND_BACKEND=$$b \
			scripts/run-tests.sh $(BUILD) || exit 1; \
		o=0; j=$(JS_EVERY_BACKEND); \
	done

# The suite three times: gcc, gcc with ASan+UBSan, and clang (whose
# warnings differ); then the man page lint.
test:
	$(Q)$(MAKE) --no-print-directory check
	$(Q)$(MAKE) --no-print-directory check BUILD=build/asan SAN=1 ORACLE=0 \
		JS_EVERY_BACKEND=0
	$(Q)$(MAKE) --no-print-directory check BUILD=build/clang CC=clang ORACLE=0 \
		JS_EVERY_BACKEND=0
	$(Q)$(MAKE) --no-print-directory check-man

-include $(TEST_BINS:=.d) $(FUZZ_BINS:=.d)
