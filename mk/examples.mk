# Examples: one file each, examples/<name>.c, built against the public API
# only, and each exercised by `make test` (scripts/run-tests.sh).

EXAMPLE_SRCS := $(sort $(wildcard examples/*.c))
EXAMPLE_BINS := $(EXAMPLE_SRCS:examples/%.c=$(BUILD)/examples/%)

$(BUILD)/examples/%: examples/%.c $(LIB_A) $(FLAGS_STAMP)
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(ND_CFLAGS) $(CFLAGS) -o $@ $< $(LDFLAGS) $(LIB_A) $(LIBS)

.PHONY: examples
examples: $(EXAMPLE_BINS)

# The showcase: what `make run` shows a new user.  The loop's phases, then
# the HTTP hello-world server under a short wrk load (3 s), next to the same
# server built on Debian's libuv: requests per second and server CPU per
# request (bench/http_hello.sh).  Everything it starts, it stops.
run: lib examples $(BUILD)/bench/http_hello-libuv $(BUILD)/bench/http_hello-libnodec
	$(Q)$(BUILD)/examples/loop-demo
	$(Q)echo
	$(Q)echo "http-hello under wrk -c50 for 3 s, libnodec (io_uring) and libuv:"
	$(Q)HTTP_DURATION=3s RUNS=1 BACKENDS=io_uring bench/run.sh $(BUILD)/bench \
		http_hello | sed -n '/^Summary/,$$p'

-include $(EXAMPLE_BINS:=.d)
