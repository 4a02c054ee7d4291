/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_walk.c - no path leads out of a limited directory, through the walk
 * capability mode uses instead of openat2 (libcap_mode/resolve.c): the
 * harness of fuzz_resolve.c with that walk forced outside capability mode.
 */
#define FUZZ_WALK 1
#include "fuzz_resolve.c"
