# libnodec and nodec: one non-recursive Makefile.
#
#   make            build the libraries (build/libnodec.a, build/libnodec.so)
#                   and the runtime (build/nodec)
#   make run        build everything and run the showcase (loop-demo, then
#                   http-hello under wrk next to libuv)
#   make test       build and run the whole test suite (also under ASan+UBSan)
#   make bench      run the benchmarks against libuv (BENCH=<name> for one)
#   make fuzz-run   run a libFuzzer target (FUZZ=<name>, FUZZ_TIME=<s>)
#   make install    PREFIX, DESTDIR and LIBDIR are honoured
#   V=1             show the commands

.DEFAULT_GOAL := all

PREFIX ?= /usr/local
prefix ?= $(PREFIX)
LIBDIR ?= $(prefix)/lib
BINDIR ?= $(prefix)/bin
INCLUDEDIR ?= $(prefix)/include
MANDIR ?= $(prefix)/share/man
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
DESTDIR ?=

BUILD ?= build
SAN ?=
CFLAGS ?= -O2 -g
LDFLAGS ?=

include mk/version.mk

ifeq ($(V),1)
Q :=
quiet = @true
else
Q := @
quiet = @printf '  %-7s %s\n'
endif

# Handles share a prefix of fields (ND_HANDLE_FIELDS) and the library reads
# it through nd_handle_t * as well as through the handle's own type, so the
# compiler must not assume the two never alias (libuv builds the same way).
ND_CFLAGS := -std=gnu11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow \
	-Wstrict-prototypes -Wmissing-prototypes -fvisibility=hidden \
	-fno-strict-aliasing -Iinclude -MMD -MP
ifneq ($(SAN),)
ND_CFLAGS += -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
LDFLAGS += -fsanitize=address,undefined
endif
# What a program linked with libnodec.a needs as well (also in libnodec.pc).
LIBS := -luring -lcares -lmbedtls -lmbedx509 -lmbedcrypto -lpthread

# Set up the machine once: scripts/install-deps.sh installs what is missing.
DEPS_STAMP := $(BUILD)/.deps-stamp
$(DEPS_STAMP): scripts/install-deps.sh
	$(Q)mkdir -p $(@D)
	$(Q)scripts/install-deps.sh
	$(Q)touch $@

# Objects depend on the flags they were built with: a changed flag rebuilds.
FLAGS_STAMP := $(BUILD)/.flags
FLAGS_NOW := $(CC) $(ND_CFLAGS) $(CFLAGS) $(LDFLAGS)
$(FLAGS_STAMP): FORCE
	$(Q)mkdir -p $(@D)
	$(Q)echo '$(FLAGS_NOW)' | cmp -s - $@ || echo '$(FLAGS_NOW)' > $@
.PHONY: FORCE
FORCE:

LIB_SRCS := \
	src/loop/core.c \
	src/loop/handle.c \
	src/loop/timer.c \
	src/loop/watcher.c \
	src/loop/async.c \
	src/loop/signal.c \
	src/loop/poll.c \
	src/loop/io.c \
	src/loop/error.c \
	src/loop/backend.c \
	src/loop/backend-uring.c \
	src/loop/backend-epoll.c \
	src/threadpool/thread.c \
	src/threadpool/pool.c \
	src/fs/fs.c \
	src/fs/fs-file.c \
	src/fs/fs-meta.c \
	src/fs/fs-dir.c \
	src/fs/fs-event.c \
	src/fs/fs-poll.c \
	src/net/stream.c \
	src/net/stream-uring.c \
	src/net/stream-pipe.c \
	src/net/tcp.c \
	src/net/pipe.c \
	src/net/addr.c \
	src/net/tty.c \
	src/net/udp.c \
	src/net/udp-uring.c \
	src/net/fileno.c \
	src/process/process.c \
	src/net/dns.c \
	src/net/dns-addrinfo.c \
	src/net/dns-resolver.c \
	src/net/dns-parse.c \
	src/net/dns-hosts.c \
	src/net/http-parser.c \
	src/tls/crypto.c \
	src/tls/tls-config.c \
	src/tls/tls.c \
	src/tls/x509.c

LIB_OBJS := $(LIB_SRCS:%.c=$(BUILD)/obj/%.o)
PIC_OBJS := $(LIB_SRCS:%.c=$(BUILD)/pic/%.o)
LIB_A := $(BUILD)/libnodec.a
LIB_SO := $(BUILD)/libnodec.so
LIB_SONAME := libnodec.so.$(ND_MAJOR)
LIB_SO_REAL := $(BUILD)/libnodec.so.$(ND_VERSION)

.PHONY: all lib run test check install uninstall clean check-man bench
all: lib

ifeq ($(SAN),)
lib: $(LIB_A) $(LIB_SO) $(BUILD)/libnodec.pc $(BUILD)/libnodec-uv.pc
else
lib: $(LIB_A)
endif
all: nodec

$(BUILD)/obj/%.o: %.c $(FLAGS_STAMP) | $(DEPS_STAMP)
	$(quiet) CC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(ND_CFLAGS) -Isrc $(CFLAGS) -c -o $@ $<

$(BUILD)/pic/%.o: %.c $(FLAGS_STAMP) | $(DEPS_STAMP)
	$(quiet) CC-PIC $<
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(ND_CFLAGS) -Isrc -fPIC $(CFLAGS) -c -o $@ $<

$(LIB_A): $(LIB_OBJS)
	$(quiet) AR $@
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $^

$(LIB_SO_REAL): $(PIC_OBJS) src/libnodec.map
	$(quiet) LD $@
	$(Q)$(CC) -shared -Wl,-soname,$(LIB_SONAME) \
		-Wl,--version-script=src/libnodec.map -Wl,--no-undefined \
		$(LDFLAGS) -o $@ $(PIC_OBJS) $(LIBS)

$(LIB_SO): $(LIB_SO_REAL)
	$(Q)ln -sf $(notdir $(LIB_SO_REAL)) $(BUILD)/$(LIB_SONAME)
	$(Q)ln -sf $(LIB_SONAME) $@

# The .pc files name the install paths, so install writes them afresh for
# the PREFIX/LIBDIR it is given; these copies use the defaults.
PC_SED = sed -e 's|@prefix@|$(prefix)|' -e 's|@libdir@|$(LIBDIR)|' \
	-e 's|@includedir@|$(INCLUDEDIR)|' -e 's|@version@|$(ND_VERSION)|'

$(BUILD)/%.pc: src/%.pc.in include/nodec/version.h
	$(quiet) GEN $@
	$(Q)mkdir -p $(@D)
	$(Q)$(PC_SED) $< > $@

include mk/examples.mk
include mk/tests.mk
include mk/man.mk
include mk/bench.mk
include mk/fuzz.mk
include mk/nodec.mk

install: lib nodec
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 $(NODEC) $(DESTDIR)$(BINDIR)/nodec
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(PKGCONFIGDIR) \
		$(DESTDIR)$(INCLUDEDIR)/nodec/compat
	install -m 644 $(LIB_A) $(DESTDIR)$(LIBDIR)/
	install -m 755 $(LIB_SO_REAL) $(DESTDIR)$(LIBDIR)/
	ln -sf $(notdir $(LIB_SO_REAL)) $(DESTDIR)$(LIBDIR)/$(LIB_SONAME)
	ln -sf $(LIB_SONAME) $(DESTDIR)$(LIBDIR)/libnodec.so
	install -m 644 include/nodec.h $(DESTDIR)$(INCLUDEDIR)/
	install -m 644 include/nodec/*.h $(DESTDIR)$(INCLUDEDIR)/nodec/
	install -m 644 include/compat/uv.h $(DESTDIR)$(INCLUDEDIR)/nodec/compat/
	$(PC_SED) src/libnodec.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/libnodec.pc
	$(PC_SED) src/libnodec-uv.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/libnodec-uv.pc
	$(MAKE) --no-print-directory install-man

uninstall: uninstall-man
	rm -f $(DESTDIR)$(BINDIR)/nodec
	rm -f $(DESTDIR)$(LIBDIR)/libnodec.a $(DESTDIR)$(LIBDIR)/libnodec.so \
		$(DESTDIR)$(LIBDIR)/$(LIB_SONAME) \
		$(DESTDIR)$(LIBDIR)/$(notdir $(LIB_SO_REAL)) \
		$(DESTDIR)$(PKGCONFIGDIR)/libnodec.pc \
		$(DESTDIR)$(PKGCONFIGDIR)/libnodec-uv.pc \
		$(DESTDIR)$(INCLUDEDIR)/nodec.h
	rm -rf $(DESTDIR)$(INCLUDEDIR)/nodec

clean:
	rm -rf $(BUILD)

-include $(LIB_OBJS:.o=.d) $(PIC_OBJS:.o=.d)
