# tests/fuzz/capbox.mk - capbox's argument and input parsers
#
# Each fuzz_APPLET.c runs one applet per input (tests/fuzz/capbox_fuzz.h):
# it includes the applet's source and is linked with the shared helpers,
# all built with -DCB_FUZZ (exit returns to the harness, no sandbox, no
# filesystem).
CAPBOX_FUZZ_APPLETS := cut od printf seq sort test tr
CAPBOX_FUZZ_SRCS    := coreutils/cb_args.c coreutils/cb_fs.c coreutils/cb_io.c \
	coreutils/cb_msg.c coreutils/cb_operands.c coreutils/cb_sandbox.c

define capbox_fuzz_rules
FUZZ_SRCS_$(1)   := $$(CAPBOX_FUZZ_SRCS)
FUZZ_CFLAGS_$(1) := -DCB_FUZZ -Icoreutils
$$(FUZZ_O)/fuzz_$(1): $$(CAPBOX_FUZZ_SRCS) coreutils/$(1).c \
	coreutils/capbox.h tests/fuzz/capbox_fuzz.h
endef
$(foreach a,$(CAPBOX_FUZZ_APPLETS),$(eval $(call capbox_fuzz_rules,$(a))))
