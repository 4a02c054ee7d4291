# tests/fuzz/caprun.mk - fuzz_caprun: caprun's command line
# fuzz_caprun.c includes sandbox/caprun.c itself, to reach its parser.
FUZZ_SRCS_caprun   := sandbox/manifest.c sandbox/ldd.c sandbox/policy.c \
	sandbox/learn.c
FUZZ_CFLAGS_caprun := -Isandbox
$(FUZZ_O)/fuzz_caprun: $(FUZZ_SRCS_caprun) sandbox/caprun.c sandbox/caprun.h
