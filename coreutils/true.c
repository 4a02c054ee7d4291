/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * true.c - do nothing, successfully
 *
 * usage: true [ignored command line arguments]
 *
 * Exit with a status code indicating success.  A lone --help or
 * --version is answered.
 */
#include "capbox.h"

APPLET(true, 0, CB_RAWARGS)

int
true_main(int argc, char *argv[])
{
	/* Nothing to open: the process is confined at once. */
	cb_enter();
	return (cb_finish(0));
}
