/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_seq.c - seq's numbers (FIRST, INCREMENT, LAST in every form
 * strtold takes), -f formats, -s separators and -w widths
 *
 * Input: seq's arguments, each ended by NUL (see capbox_fuzz.h):
 * "-f%.3e\0" "1\0" "0.5\0" "3".
 */
#include "capbox_fuzz.h"
#include "../../coreutils/seq.c"

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
		.name = "seq", .usage_status = 1, .main = seq_main,
		.reset = reset,
	};

	return (cbf_run(&a, data, size));
}
