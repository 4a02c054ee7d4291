/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * seq.c - seq with its static state reset between runs, for fuzz_capbox.c
 */
#include "../capbox_fuzz.h"
#include "../../../coreutils/seq.c"

void
cbf_reset_seq(bool exited)
{
	(void)exited;
	CBF_RESTORE(opt);
}
