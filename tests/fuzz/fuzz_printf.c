/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_printf.c - printf's format string (directives, flags, widths and
 * precisions from '*', escapes, %b and %q) and its arguments (numbers,
 * character constants)
 *
 * Input: printf's arguments, each ended by NUL (see capbox_fuzz.h):
 * "%*.*d\\n\0" "5\0" "2\0" "'x".  A first byte 0xff: C.UTF-8.
 */
#include "capbox_fuzz.h"
#include "../../coreutils/printf.c"

static void
reset(bool exited)
{
	(void)exited;
	CBF_RESTORE(status);
	CBF_RESTORE(utf8);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct cbf_applet a = {
		.name = "printf", .usage_status = 1, .main = printf_main,
		.reset = reset, .locale = true,
	};

	return (cbf_run(&a, data, size));
}
