# Fuzzing: tests/fuzz/<name>.c are libFuzzer targets, built with clang
# under ASan and UBSan from the sources they exercise (not libnodec.a, so
# that the fuzzer sees their coverage).  tests/fuzz/seeds/<name>/ holds
# each target's seed corpus; what a run adds goes under $(BUILD)/fuzz/.
#
#   make fuzz                              build every target
#   make fuzz-run FUZZ=http-parser         run one, FUZZ_TIME seconds
#   make fuzz-run FUZZ=http-parser-diff FUZZ_TIME=600
#
# A finding is written as $(BUILD)/fuzz/crash-* (or leak-*, timeout-*);
# $(BUILD)/fuzz/<name> <file> replays it.

FUZZ_SRCS := $(sort $(wildcard tests/fuzz/*.c))
FUZZ_BINS := $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILD)/fuzz/%)
FUZZ_CC ?= clang
FUZZ_CFLAGS := -std=gnu11 -D_GNU_SOURCE -g -O1 -Wall -Wextra \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-Iinclude -Isrc -Itests
# What the targets exercise: the parser, and the error table for names.
FUZZ_LIB_SRCS := src/net/http-parser.c src/loop/error.c
FUZZ ?= http-parser
FUZZ_TIME ?= 60

# One command compiles several sources, so -MMD would keep the last one's
# dependencies only: the headers that matter are listed instead.
FUZZ_HDRS := tests/http-parser-util.h include/nodec/http-parser.h \
	include/nodec/errno.h

# The module transform stands alone: no libnodec, no engine.
$(BUILD)/fuzz/esm: tests/fuzz/esm.c src/nodec/esm.c src/nodec/esm.h | $(DEPS_STAMP)
	$(quiet) FUZZ $@
	$(Q)mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< src/nodec/esm.c

$(BUILD)/fuzz/%: tests/fuzz/%.c $(FUZZ_LIB_SRCS) $(FUZZ_HDRS) | $(DEPS_STAMP)
	$(quiet) FUZZ $@
	$(Q)mkdir -p $(@D)
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) -o $@ $< $(FUZZ_LIB_SRCS) -lhttp_parser

.PHONY: fuzz fuzz-run
fuzz: $(FUZZ_BINS)

fuzz-run: $(BUILD)/fuzz/$(FUZZ)
	$(Q)mkdir -p $(BUILD)/fuzz/corpus-$(FUZZ)
	$(Q)cd $(BUILD)/fuzz && ./$(FUZZ) -max_total_time=$(FUZZ_TIME) \
		-print_final_stats=1 corpus-$(FUZZ) \
		$(CURDIR)/tests/fuzz/seeds/$(FUZZ)

