/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cut.c - cut with its static state reset between runs, for fuzz_capbox.c
 */
#include "../capbox_fuzz.h"
#include "../../../coreutils/cut.c"

void
cbf_reset_cut(bool exited)
{
	(void)exited;
	free(opt.r);
	CBF_RESTORE(opt);
}
