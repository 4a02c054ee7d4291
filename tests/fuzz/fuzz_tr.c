/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_tr.c - tr's sets (ranges, [:class:], [=c=], [c*n], escapes), the
 * options that combine them, and the translation of the input
 *
 * Input: tr's arguments, an empty one, then standard input (see
 * capbox_fuzz.h): "a-c\0[x*2]y\0\0abcabc".
 */
#include "capbox_fuzz.h"
#include "../../coreutils/tr.c"

static void
reset(bool exited)
{
	(void)exited;
	CBF_RESTORE(opt);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct cbf_applet a = {
		.name = "tr", .usage_status = 1, .main = tr_main,
		.reset = reset, .reads = true,
	};

	return (cbf_run(&a, data, size));
}
