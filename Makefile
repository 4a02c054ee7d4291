# Makefile - the one entry point of capmode
#
#   make            library, capbox, caprun, the preload shim
#   make check      every test (unit, escape, cli); installs nothing
#   make sanitize   the same tests under AddressSanitizer + UBSan
#   make static     the static musl build (library, capbox-static)
#   make bench      benchmarks against the peers, printed as tables
#   make install    PREFIX, DESTDIR, LIBDIR, BINDIR, MANDIR honoured
#   make demo       a short demonstration of capability mode
#
# Each part of the tree has a fragment (*/build.mk) that adds its targets to
# ALL_TARGETS, CHECK_TARGETS and INSTALL_TARGETS.
include config.mk
include mk/flags.mk

ALL_TARGETS     :=
CHECK_TARGETS   :=
INSTALL_TARGETS :=
BENCH_TARGETS   :=
CLEAN_FILES     :=

.PHONY: all check check-all sanitize static install clean bench demo deps \
	format-check
all: all-targets

include libcap_mode/build.mk
-include coreutils/build.mk
-include preload/build.mk
-include sandbox/build.mk
-include bpf/build.mk
-include tests/build.mk
-include tests/vm/build.mk
-include tests/fuzz/build.mk
-include tests/compat/build.mk
-include bench/build.mk
-include man/build.mk
-include packaging/build.mk

all-targets: $(ALL_TARGETS)

# make check also runs the library's suites under ASan + UBSan.
ifeq ($(SANITIZE),)
CHECK_TARGETS += check-sanitize
endif
.PHONY: check-sanitize
check-sanitize:
	$(MAKE) --no-print-directory SANITIZE=1 check-unit check-escape check-compat

# The other compiler: everything builds under clang too, with warnings as
# errors, and the applets that lean on libm and long double pass there.
ifeq ($(SANITIZE)$(STATIC),)
CHECK_TARGETS += check-clang
endif
.PHONY: check-clang
check-clang:
	@if ! command -v clang >/dev/null; then \
	    echo "check-clang: SKIP (clang is not installed)"; exit 0; fi; \
	$(MAKE) --no-print-directory CC=clang O=$(O)/clang all && \
	CAPBOX=$(abspath $(O)/clang/capbox) ASAN_OPTIONS=detect_leaks=0 \
	    bats tests/cli/seq.bats tests/cli/printf.bats tests/cli/sort.bats \
	    tests/cli/od.bats

# check and demo install missing Debian packages first (tools/install-deps.sh),
# so the README's two commands work on a fresh machine.
check: deps
	$(MAKE) check-all

check-all: $(CHECK_TARGETS)
	@echo "make check: all suites passed"

sanitize:
	$(MAKE) SANITIZE=1 check

static:
	$(MAKE) CC=musl-gcc STATIC=1 static-targets

install: $(INSTALL_TARGETS)

bench: $(BENCH_TARGETS)

demo: deps
	$(MAKE) $(O)/demo/capdemo
	@$(O)/demo/capdemo

deps:
	sh tools/install-deps.sh

format-check:
	clang-format --dry-run -Werror $(shell git ls-files '*.c' '*.h')

clean:
	rm -rf build $(CLEAN_FILES)

$(O)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) $(EXE_CFLAGS) -c -o $@ $<

-include $(shell find $(O) -path '$(O)/deb' -prune -o -name '*.d' -type f -print 2>/dev/null)
