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
	$(Q)$(CC) $(LDFLAGS) -o $@ $(NODEC_OBJS) $(LIB_A) $(LIBS) $(JSC_LIBS)

.PHONY: nodec
nodec: $(NODEC)

-include $(NODEC_OBJS:.o=.d)
