# tests/fuzz/build.mk - libFuzzer harnesses (clang)
#
#   make fuzz [FUZZ_TIME=60]   fuzz each harness for FUZZ_TIME seconds
#   make check                 replays every seed and saved input (check-fuzz)
#
# The harnesses and a coverage-instrumented library are built with clang in
# their own tree, build/fuzz, whatever CC the rest of the build uses.
FUZZ_O      := build/fuzz
FUZZ_NAMES  := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS   := $(FUZZ_NAMES:%=$(FUZZ_O)/fuzz_%)
FUZZ_TIME   ?= 60
FUZZ_CFLAGS := -std=gnu11 -D_GNU_SOURCE -g -O1 -Iinclude \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
HAVE_CLANG_FUZZER := $(shell echo 'int LLVMFuzzerTestOneInput(const char*d,long n){(void)d;(void)n;return 0;}' | \
	clang -x c -fsanitize=fuzzer -o /dev/null - 2>/dev/null && echo yes)

CHECK_TARGETS += check-fuzz
.PHONY: fuzz check-fuzz fuzz-lib

fuzz-lib:
	$(MAKE) --no-print-directory CC=clang O=$(FUZZ_O) SANITIZE=1 \
	    EXTRA_CFLAGS=-fsanitize=fuzzer-no-link $(FUZZ_O)/libcap_mode.a

# A harness that needs more than the library (capbox's parsers, the preload
# path mapper, caprun's manifest parser) names it in a fragment of its own,
# tests/fuzz/NAME.mk:
#   FUZZ_SRCS_NAME   := sources compiled into the harness
#   FUZZ_CFLAGS_NAME := extra flags for them
#   $(FUZZ_O)/fuzz_NAME: $(FUZZ_SRCS_NAME)   (rebuild when they change)
include $(filter-out tests/fuzz/build.mk,$(wildcard tests/fuzz/*.mk))

$(FUZZ_O)/fuzz_%: tests/fuzz/fuzz_%.c fuzz-lib
	clang $(FUZZ_CFLAGS) $(FUZZ_CFLAGS_$*) -o $@ $< $(FUZZ_SRCS_$*) \
	    $(FUZZ_O)/libcap_mode.a -lpthread -ldl

ifeq ($(HAVE_CLANG_FUZZER),yes)
check-fuzz: $(FUZZ_BINS)
	@set -e; for n in $(FUZZ_NAMES); do \
	    echo "check-fuzz: $$n: replaying tests/fuzz/corpus/$$n"; \
	    ASAN_OPTIONS=detect_leaks=0 $(FUZZ_O)/fuzz_$$n \
	        tests/fuzz/corpus/$$n/* >$(FUZZ_O)/$$n.log 2>&1 || \
	        { cat $(FUZZ_O)/$$n.log; exit 1; }; \
	    mkdir -p $(FUZZ_O)/work/$$n; \
	    ASAN_OPTIONS=detect_leaks=0 $(FUZZ_O)/fuzz_$$n -max_total_time=5 \
	        -artifact_prefix=$(FUZZ_O)/ $(FUZZ_O)/work/$$n tests/fuzz/corpus/$$n \
	        >$(FUZZ_O)/$$n.log 2>&1 || { tail -40 $(FUZZ_O)/$$n.log; exit 1; }; \
	    grep -E '^Done|DONE' $(FUZZ_O)/$$n.log | tail -1; \
	done

fuzz: $(FUZZ_BINS)
	@set -e; for n in $(FUZZ_NAMES); do \
	    mkdir -p $(FUZZ_O)/work/$$n; \
	    echo "fuzz: $$n for $(FUZZ_TIME) s"; \
	    ASAN_OPTIONS=detect_leaks=0 $(FUZZ_O)/fuzz_$$n \
	        -max_total_time=$(FUZZ_TIME) -artifact_prefix=$(FUZZ_O)/ \
	        $(FUZZ_O)/work/$$n tests/fuzz/corpus/$$n 2>&1 | tail -3; \
	done
else
check-fuzz fuzz:
	@echo "$@: skipped: clang with libFuzzer (libclang-rt-dev) is not installed"
endif
