/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_cut.c - cut's lists (-b, -c, -f: N, N-, N-M, -M, joined by ','),
 * -d, --output-delimiter, --complement, -s, -z, and the cutting of the
 * input they ask for
 *
 * Input: cut's arguments, an empty one, then standard input (see
 * capbox_fuzz.h): "-f2-,1\0-d:\0\0a:b:c\n".
 */
#include "capbox_fuzz.h"
#include "../../coreutils/cut.c"

static void
reset(bool exited)
{
	(void)exited;
	free(opt.r);
	CBF_RESTORE(opt);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct cbf_applet a = {
		.name = "cut", .usage_status = 1, .main = cut_main,
		.reset = reset, .reads = true,
	};

	return (cbf_run(&a, data, size));
}
