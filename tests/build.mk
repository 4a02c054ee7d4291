# tests/build.mk - the library's unit tests (cmocka) and the escape suite
#
#   make check-unit     every tests/unit/test_*.c, one binary each, TAP output
#   make check-escape   every tests/escape/E*.c through tests/escape/run.sh
#                       (as root: a root pass and an unprivileged pass)
TESTLIB_OBJS := $(patsubst %.c,$(O)/%.o,$(wildcard tests/lib/*.c))
UNIT_BINS    := $(patsubst %.c,$(O)/%,$(sort $(wildcard tests/unit/test_*.c)))
ESC_BINS     := $(patsubst %.c,$(O)/%,$(sort $(wildcard tests/escape/E[0-9]*.c)))
ESC_HELPERS  := $(patsubst %.c,$(O)/%,$(wildcard tests/escape/helper_*.c))

CHECK_TARGETS += check-unit check-escape
.PHONY: check-unit check-escape tests-build
.SECONDARY: $(UNIT_BINS:=.o) $(ESC_BINS:=.o)

$(O)/tests/%.o: CPPFLAGS += -Itests/lib

$(UNIT_BINS): %: %.o $(TESTLIB_OBJS) $(LIB_A)
	$(CC) $(EXE_LDFLAGS) $(LDFLAGS) -o $@ $< $(TESTLIB_OBJS) $(LIB_LINK) -lcmocka

$(ESC_BINS): %: %.o $(TESTLIB_OBJS) $(LIB_A)
	$(CC) $(EXE_LDFLAGS) $(LDFLAGS) -o $@ $< $(TESTLIB_OBJS) $(LIB_LINK)

# Helpers are exec'd after cap_enter, where no dynamic loader can open its
# libraries: they are static, use raw system calls only, and are built
# without sanitizers (which cannot be linked statically).
$(ESC_HELPERS): $(O)/tests/escape/helper_%: tests/escape/helper_%.c
	@mkdir -p $(@D)
	$(CC) $(CSTD) $(WARN) -O2 -static -o $@ $<

tests-build: $(UNIT_BINS) $(ESC_BINS) $(ESC_HELPERS)

# The cmocka processes never enter capability mode (run_isolated children
# do, and leave with _exit), so LeakSanitizer stays on for them.
check-unit: $(UNIT_BINS)
	@fail=0; for t in $(UNIT_BINS); do \
	    echo "# $$t"; \
	    CMOCKA_MESSAGE_OUTPUT=TAP $$t || fail=1; \
	done; \
	if [ $$fail -ne 0 ]; then echo "check-unit: FAILED" >&2; exit 1; fi

check-escape: $(ESC_BINS) $(ESC_HELPERS)
	sh tests/escape/run.sh $(O)/tests/escape
