/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sort.c - sort with its static state reset between runs, for fuzz_capbox.c
 */
#include "../capbox_fuzz.h"
#include "../../../coreutils/sort.c"

void
cbf_reset_sort(bool exited)
{
	(void)exited;
	free(opt.keys);
	CBF_RESTORE(opt);
}
