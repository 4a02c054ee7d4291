# tests/fuzz/pathmap.mk - fuzz_pathmap: the shim's path map (preload/pathmap.c)
# The tree of pre-opened directories is made beneath $(FUZZ_O) at start.
FUZZ_SRCS_pathmap   := preload/pathmap.c sandbox/manifest.c
FUZZ_CFLAGS_pathmap := -Ipreload -Isandbox \
	-DFIXTURE_DIR='"$(abspath $(FUZZ_O))"'
$(FUZZ_O)/fuzz_pathmap: $(FUZZ_SRCS_pathmap) tests/fuzz/pathref.h
