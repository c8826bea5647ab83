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

# The showcase: what `make run` shows a new user.
run: lib examples
	$(Q)$(BUILD)/examples/loop-demo

-include $(EXAMPLE_BINS:=.d)
