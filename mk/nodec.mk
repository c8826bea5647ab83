# nodec: the JavaScript runtime (src/nodec/ and lib/), linked with
# libnodec.a and Debian's JavaScriptCore.  The built-in JavaScript is
# embedded in the binary by scripts/embed-js.sh.

NODEC := $(BUILD)/nodec
NODEC_SRCS := $(sort $(wildcard src/nodec/*.c))
NODEC_OBJS := $(NODEC_SRCS:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/builtins.o
NODEC_JS := $(sort $(shell find lib -name '*.js'))
# JavaScriptCore's headers are not ours to hold to our warnings.
JSC_PKG := javascriptcoregtk-4.1
JSC_CFLAGS = $(patsubst -I%,-isystem %,$(shell pkg-config --cflags $(JSC_PKG)))
JSC_LIBS = $(shell pkg-config --libs $(JSC_PKG))
# JavaScriptCore binds its 11,000 symbols when the program starts (it is
# linked -z now); most resolve to itself, libc or libstdc++.  Naming those
# first puts them first in the dynamic linker's search order, which takes
# 3% off the instructions of `nodec -e 0`.
NODEC_FIRST_LIBS = -Wl,--no-as-needed -ljavascriptcoregtk-4.1 -lc -lstdc++ \
	-Wl,--as-needed

$(BUILD)/obj/src/nodec/%.o: src/nodec/%.c $(FLAGS_STAMP) | $(DEPS_STAMP)
	$(quiet) CC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(ND_CFLAGS) $(JSC_CFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/gen/builtins.c: $(NODEC_JS) scripts/embed-js.sh
	$(quiet) GEN $@
	$(Q)mkdir -p $(@D)
	$(Q)scripts/embed-js.sh $@ lib $(NODEC_JS)

$(BUILD)/obj/gen/builtins.o: $(BUILD)/gen/builtins.c $(FLAGS_STAMP)
	$(quiet) CC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(ND_CFLAGS) -Isrc/nodec $(JSC_CFLAGS) $(CFLAGS) -c -o $@ $<

$(NODEC): $(NODEC_OBJS) $(LIB_A)
	$(quiet) LD $@
	$(Q)$(CC) $(LDFLAGS) -o $@ $(NODEC_OBJS) $(NODEC_FIRST_LIBS) $(LIB_A) \
		$(LIBS) $(JSC_LIBS)

.PHONY: nodec
nodec: $(NODEC)

-include $(NODEC_OBJS:.o=.d)

# Benchmarks of nodec against node (bench/nodec/): start-up, memory,
# require.  `make bench` runs them after libuv's when no BENCH is named;
# `make bench-nodec NODEC_BENCH=startup` runs one.
$(BUILD)/bench/nodec-measure: bench/nodec/measure.c
	$(quiet) CC $@
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) -std=gnu11 -O2 -Wall -Wextra -Werror -o $@ $<

.PHONY: bench-nodec
bench-nodec: $(NODEC) $(BUILD)/bench/nodec-measure
	$(Q)RUNS='$(RUNS)' bench/nodec/run.sh $(NODEC) \
		$(BUILD)/bench/nodec-measure $(NODEC_BENCH)

ifeq ($(BENCH),)
bench: bench-nodec
endif
