/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * tr.c - tr with its static state reset between runs, for fuzz_capbox.c
 */
#include "../capbox_fuzz.h"
#include "../../../coreutils/tr.c"

void
cbf_reset_tr(bool exited)
{
	(void)exited;
	CBF_RESTORE(opt);
}
