/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * false.c - do nothing, unsuccessfully
 *
 * usage: false [ignored command line arguments]
 *
 * Exit with a status code indicating failure.  A lone --help or
 * --version is answered (and exits 0, as GNU's does).
 */
#include "capbox.h"

APPLET(false, 1, CB_RAWARGS)

int
false_main(int argc, char *argv[])
{
	cb_enter();
	/* Even a write error leaves the status at failure. */
	(void)cb_finish(0);
	return (1);
}
