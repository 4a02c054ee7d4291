/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * capbox_fuzz.h - what fuzz_capbox.c and its applet units share
 *
 * Each tests/fuzz/capbox/APPLET.c includes the applet's source, so that
 * its cbf_reset_APPLET() can reach the applet's static state and put it
 * back between runs; fuzz_capbox.c runs the applets.  All are built with
 * -DCB_FUZZ (tests/fuzz/capbox.mk).
 */
#ifndef CAPBOX_FUZZ_H
#define CAPBOX_FUZZ_H

#include <stdbool.h>

/*
 * cbf_reset_APPLET: put the applet's static state back as it was before
 * the first run, freeing and closing what a run left.  `exited` tells
 * that the run ended through exit(), so that what main frees at its end
 * was not freed.  The first call only records the initial state.
 */
void	cbf_reset_cut(bool exited);
void	cbf_reset_od(bool exited);
void	cbf_reset_printf(bool exited);
void	cbf_reset_seq(bool exited);
void	cbf_reset_sort(bool exited);
void	cbf_reset_test(bool exited);
void	cbf_reset_tr(bool exited);

/* For a reset: the first use saves var's value, later ones restore it. */
#define CBF_RESTORE(var) do {						\
	static __typeof__(var) var##_0;					\
	static bool var##_saved;					\
									\
	if (!var##_saved) {						\
		var##_0 = var;						\
		var##_saved = true;					\
	}								\
	var = var##_0;							\
} while (0)

#endif /* CAPBOX_FUZZ_H */
