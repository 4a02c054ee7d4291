/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_sort.c - sort's key definitions (-k F.C[OPTS],F.C[OPTS]), -t and
 * the ordering options, and the comparisons they lead to on the input
 *
 * Input: sort's arguments, an empty one, then standard input (see
 * capbox_fuzz.h): "-t:\0-k2,2n\0\0b:10\na:9\n".  A first byte 0xff:
 * C.UTF-8 (comparison by strcoll).
 */
#include "capbox_fuzz.h"
#include "../../coreutils/sort.c"

static void
reset(bool exited)
{
	(void)exited;
	free(opt.keys);
	CBF_RESTORE(opt);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct cbf_applet a = {
		.name = "sort", .usage_status = 2, .main = sort_main,
		.reset = reset, .reads = true, .locale = true,
	};

	return (cbf_run(&a, data, size));
}
