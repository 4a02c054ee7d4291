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

# The glibc build loads libcrypto.so.3 at run time in the *sum applets only
# (cb_hash.c, dlopen: no headers needed); the static build always uses the
# portable digests of cb_hash_impl.c.

ALL_TARGETS += $(CAPBOX)
INSTALL_TARGETS += install-capbox
CHECK_TARGETS += check-capbox
BENCH_TARGETS += bench-capbox
static-targets: $(O)/capbox

$(O)/coreutils/capbox.o: CPPFLAGS += -DCB_VERSION='"$(VERSION)"'
$(O)/coreutils/capbox.o: $(CAPBOX_GEN)

# One run writes both headers; the second depends on the first.  The list
# of sources is a prerequisite too, rewritten only when it changes, so that
# removing an applet file regenerates the table.
$(O)/gen/applets.list: capbox-srclist
	@mkdir -p $(@D)
	@echo '$(CAPBOX_SRCS)' | cmp -s - $@ || echo '$(CAPBOX_SRCS)' > $@
$(O)/gen/applets.h: coreutils/gen-applets.sh $(CAPBOX_SRCS) $(O)/gen/applets.list
	sh coreutils/gen-applets.sh $(O)/gen $(CAPBOX_SRCS)
$(O)/gen/help.h: $(O)/gen/applets.h

$(CAPBOX): $(CAPBOX_OBJS) $(LIB_A)
	$(CC) $(EXE_LDFLAGS) $(LDFLAGS) -o $@ $(CAPBOX_OBJS) $(LIB_LINK) -lm

.PHONY: check-capbox check-capbox-static install-capbox bench-capbox \
	capbox-srclist

# The cli suites run as parallel jobs when GNU parallel is installed (bats
# needs it for --jobs): the files side by side, the tests of a file one
# after the other (a parallel run of every test costs more than it saves).
# Processes in capability mode cannot run LeakSanitizer (it needs ptrace),
# so it is off for them.
CAPBOX_BATS_JOBS ?= $(shell nproc 2>/dev/null || echo 2)
CAPBOX_BATS = bats $(if $(shell command -v parallel 2>/dev/null),--jobs $(CAPBOX_BATS_JOBS) --no-parallelize-within-files)
check-capbox: $(CAPBOX)
	CAPBOX=$(abspath $(CAPBOX)) ASAN_OPTIONS=detect_leaks=0 \
	    $(CAPBOX_BATS) tests/cli
	@if command -v musl-gcc >/dev/null 2>&1 && [ -z "$(STATIC)" ] && \
	    [ -z "$(SANITIZE)" ]; then \
	    $(MAKE) --no-print-directory check-capbox-static; \
	else echo "check-capbox: static build not tested (no musl-gcc, or sanitizer build)"; fi

# The static build has a tree of its own beneath this one's, so that two
# build trees (O=...) never share it.
CAPBOX_STATIC_O = $(O)/static
check-capbox-static:
	$(MAKE) --no-print-directory STATIC=1 CC=musl-gcc \
	    O=$(CAPBOX_STATIC_O) $(CAPBOX_STATIC_O)/capbox
	CAPBOX=$(abspath $(CAPBOX_STATIC_O)/capbox) $(CAPBOX_BATS) tests/cli

install-capbox: $(CAPBOX)
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 $(CAPBOX) $(DESTDIR)$(BINDIR)/capbox

bench-capbox: $(CAPBOX)
	CAPBOX=$(abspath $(CAPBOX)) sh bench/capbox.sh
	@if [ -f bench/capbox-fs.sh ]; then \
	    CAPBOX=$(abspath $(CAPBOX)) sh bench/capbox-fs.sh; fi
