/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * printf.c - printf with its static state reset between runs, for fuzz_capbox.c
 */
#include "../capbox_fuzz.h"
#include "../../../coreutils/printf.c"

void
cbf_reset_printf(bool exited)
{
	(void)exited;
	CBF_RESTORE(status);
	CBF_RESTORE(utf8);
}
