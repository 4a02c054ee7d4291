# tests/fuzz/capbox.mk - capbox's argument and input parsers (fuzz_capbox)
#
# Each tests/fuzz/capbox/APPLET.c includes an applet's source (to reset
# its static state between runs); all of it is built with -DCB_FUZZ: exit
# returns to the harness, no sandbox, no filesystem (see fuzz_capbox.c).
CAPBOX_FUZZ_APPLETS := cut od printf seq sort test tr
FUZZ_SRCS_capbox    := $(CAPBOX_FUZZ_APPLETS:%=tests/fuzz/capbox/%.c) \
	coreutils/cb_args.c coreutils/cb_fs.c coreutils/cb_hash.c \
	coreutils/cb_hash_impl.c coreutils/cb_io.c coreutils/cb_msg.c \
	coreutils/cb_operands.c coreutils/cb_sandbox.c
FUZZ_CFLAGS_capbox  := -DCB_FUZZ -Icoreutils
$(FUZZ_O)/fuzz_capbox: $(FUZZ_SRCS_capbox) \
	$(CAPBOX_FUZZ_APPLETS:%=coreutils/%.c) coreutils/capbox.h \
	coreutils/cb_fs.h tests/fuzz/capbox_fuzz.h
