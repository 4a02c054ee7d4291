/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test.c - test and [ with their static state reset between runs, for fuzz_capbox.c
 */
#include "../capbox_fuzz.h"
#include "../../../coreutils/test.c"

void
cbf_reset_test(bool exited)
{
	int i;

	(void)exited;
	/* The file operands: closed, never looked up (CB_FUZZ). */
	for (i = 0; i < nrefs; i++) {
		cb_path_close(&refs[i].p);
		if (refs[i].tfd >= 0)
			(void)close(refs[i].tfd);
	}
	free(refs);
	free(groups);
	CBF_RESTORE(av);
	CBF_RESTORE(ac);
	CBF_RESTORE(pos);
	CBF_RESTORE(dry);
	CBF_RESTORE(refs);
	CBF_RESTORE(nrefs);
	CBF_RESTORE(nextref);
	CBF_RESTORE(groups);
	CBF_RESTORE(ngroups);
}
