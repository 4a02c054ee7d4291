# coreutils/build.mk - capbox, the multicall coreutils binary
#
#   make                  $(O)/capbox
#   make check-capbox     the bats suites in tests/cli (and the static build's)
#   make bench-capbox     bench/capbox.sh (and bench/capbox-fs.sh if present)
#
# Every coreutils/*.c is part of capbox: a new applet is a new file.
CAPBOX_SRCS := $(sort $(wildcard coreutils/*.c))
CAPBOX_OBJS := $(CAPBOX_SRCS:%.c=$(O)/%.o)
CAPBOX      := $(O)/capbox
CAPBOX_GEN  := $(O)/gen/applets.h $(O)/gen/help.h

# The glibc build hashes with libcrypto (SHA-NI) when it is installed; the
# static build always uses the portable code in cb_hash.c.
ifeq ($(STATIC),)
CAPBOX_CRYPTO := $(shell pkg-config --exists libcrypto 2>/dev/null && echo 1)
endif
ifneq ($(CAPBOX_CRYPTO),)
CAPBOX_LIBS := $(shell pkg-config --libs libcrypto)
$(O)/coreutils/cb_hash.o: CPPFLAGS += -DCB_HAVE_LIBCRYPTO
endif

ALL_TARGETS += $(CAPBOX)
INSTALL_TARGETS += install-capbox
CHECK_TARGETS += check-capbox
BENCH_TARGETS += bench-capbox
static-targets: $(O)/capbox

$(O)/coreutils/capbox.o: CPPFLAGS += -DCB_VERSION='"$(VERSION)"'
$(O)/coreutils/capbox.o: $(CAPBOX_GEN)

# One run writes both headers; the second depends on the first.
$(O)/gen/applets.h: coreutils/gen-applets.sh $(CAPBOX_SRCS)
	sh coreutils/gen-applets.sh $(O)/gen $(CAPBOX_SRCS)
$(O)/gen/help.h: $(O)/gen/applets.h

$(CAPBOX): $(CAPBOX_OBJS) $(LIB_A)
	$(CC) $(EXE_LDFLAGS) $(LDFLAGS) -o $@ $(CAPBOX_OBJS) $(LIB_LINK) \
	    $(CAPBOX_LIBS)

.PHONY: check-capbox check-capbox-static install-capbox bench-capbox

# The cli suites run in parallel jobs; processes in capability mode cannot
# run LeakSanitizer (it needs ptrace), so it is off for them.
CAPBOX_BATS_JOBS ?= $(shell nproc 2>/dev/null || echo 2)
check-capbox: $(CAPBOX)
	CAPBOX=$(abspath $(CAPBOX)) ASAN_OPTIONS=detect_leaks=0 \
	    bats $(if $(filter-out 1,$(CAPBOX_BATS_JOBS)),--jobs $(CAPBOX_BATS_JOBS)) \
	    tests/cli
	@if command -v musl-gcc >/dev/null 2>&1 && [ -z "$(STATIC)" ] && \
	    [ -z "$(SANITIZE)" ]; then \
	    $(MAKE) --no-print-directory check-capbox-static; \
	else echo "check-capbox: static build not tested (no musl-gcc, or sanitizer build)"; fi

check-capbox-static:
	$(MAKE) --no-print-directory STATIC=1 CC=musl-gcc O=build/static \
	    build/static/capbox
	CAPBOX=$(abspath build/static/capbox) bats \
	    $(if $(filter-out 1,$(CAPBOX_BATS_JOBS)),--jobs $(CAPBOX_BATS_JOBS)) \
	    tests/cli

install-capbox: $(CAPBOX)
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 $(CAPBOX) $(DESTDIR)$(BINDIR)/capbox

bench-capbox: $(CAPBOX)
	CAPBOX=$(abspath $(CAPBOX)) sh bench/capbox.sh
	@if [ -f bench/capbox-fs.sh ]; then \
	    CAPBOX=$(abspath $(CAPBOX)) sh bench/capbox-fs.sh; fi
