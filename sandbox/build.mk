# sandbox/build.mk - caprun, its tests and its benchmark
CAPRUN      := $(O)/caprun
CAPRUN_SRCS := sandbox/caprun.c sandbox/manifest.c sandbox/ldd.c \
	sandbox/policy.c sandbox/learn.c
CAPRUN_OBJS := $(CAPRUN_SRCS:%.c=$(O)/%.o)

ALL_TARGETS += $(CAPRUN)
INSTALL_TARGETS += install-caprun
CHECK_TARGETS += check-caprun
BENCH_TARGETS += bench-caprun
static-targets: $(CAPRUN)

# An installed caprun finds the shim in LIBDIR; the tests name the built
# one with CAPRUN_SHIM.
$(O)/sandbox/caprun.o: CPPFLAGS += \
	-DCAPRUN_SHIM='"$(LIBDIR)/libcap_mode_preload.so"'

$(CAPRUN): $(CAPRUN_OBJS) $(LIB_A)
	$(CC) $(EXE_LDFLAGS) $(LDFLAGS) -o $@ $(CAPRUN_OBJS) $(LIB_LINK)

# A small program the escape tests run under caprun, and a static one.
$(O)/tests/caprun/escape: tests/caprun/escape.c
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) -O2 -o $@ $<

$(O)/tests/caprun/escape-static: tests/caprun/escape.c
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) -O2 -static -o $@ $<

$(O)/tests/caprun/pathbench: tests/caprun/pathbench.c
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) -O2 -o $@ $<

CAPRUN_TEST_BINS := $(O)/tests/caprun/escape $(O)/tests/caprun/escape-static

.PHONY: check-caprun bench-caprun install-caprun
ifeq ($(STATIC),)
check-caprun: $(CAPRUN) $(SHIM_SO) $(CAPRUN_TEST_BINS)
	CAPRUN=$(abspath $(CAPRUN)) CAPRUN_SHIM=$(abspath $(SHIM_SO)) \
	CAPRUN_BUILD=$(abspath $(O)) ASAN_OPTIONS=detect_leaks=0 \
	    bats tests/caprun
else
check-caprun:
	@echo "check-caprun: skipped: a static build has no preload shim"
endif

bench-caprun: $(CAPRUN) $(SHIM_SO) $(O)/tests/caprun/pathbench
	CAPRUN=$(abspath $(CAPRUN)) CAPRUN_SHIM=$(abspath $(SHIM_SO)) \
	    sh bench/caprun.sh $(abspath $(O)/tests/caprun/pathbench)

install-caprun: $(CAPRUN)
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 $(CAPRUN) $(DESTDIR)$(BINDIR)/
