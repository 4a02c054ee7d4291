/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * od.c - od with its static state reset between runs, for fuzz_capbox.c
 */
#include "../capbox_fuzz.h"
#include "../../../coreutils/od.c"

void
cbf_reset_od(bool exited)
{
	if (exited) {
		free(opt.spec);
		free(in.ops.v);
	}
	CBF_RESTORE(opt);
	CBF_RESTORE(in);
	CBF_RESTORE(rd);
}
