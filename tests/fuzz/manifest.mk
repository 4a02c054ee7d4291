# tests/fuzz/manifest.mk - fuzz_manifest: caprun's manifest text
FUZZ_SRCS_manifest   := sandbox/manifest.c
FUZZ_CFLAGS_manifest := -Isandbox
$(FUZZ_O)/fuzz_manifest: $(FUZZ_SRCS_manifest) tests/fuzz/pathref.h
