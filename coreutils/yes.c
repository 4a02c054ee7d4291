/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * yes.c - output a string repeatedly until killed
 *
 * usage: yes [STRING]...
 *
 * Repeatedly output a line with all specified STRING(s), or 'y'.
 */
#include "capbox.h"

APPLET(yes, 1, 0)

static const char optstr[] = "+";
static const struct option longopts[] = {
	{ NULL, 0, NULL, 0 },
};

/* The line, repeated to fill a buffer so that each write is large. */
static size_t
fill(char *buf, size_t cap, int argc, char *argv[])
{
	size_t len = 0, n, i;
	int k;

	for (k = 0; k < argc; k++) {
		n = strlen(argv[k]) + 1;
		if (len + n > cap)
			return (0);
		memcpy(buf + len, argv[k], n);
		len += n;
		buf[len - 1] = k + 1 < argc ? ' ' : '\n';
	}
	for (i = len; i + len <= cap; i += len)
		memcpy(buf + i, buf, len);
	return (i);
}

int
yes_main(int argc, char *argv[])
{
	static char y[] = "y";
	char *def[] = { y };
	char *buf = cb_buf();
	size_t len;

	if (getopt_long(argc, argv, optstr, longopts, NULL) != -1)
		cb_usage();
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		argc = 1;
		argv = def;
	}
	cb_limit_stdio();
	cb_enter();
	if ((len = fill(buf, CB_BUFSIZE, argc, argv)) == 0) {
		/* A line longer than the buffer: write it piece by piece. */
		for (;;) {
			int k;

			for (k = 0; k < argc; k++) {
				cb_write_out(argv[k], strlen(argv[k]));
				cb_write_out(k + 1 < argc ? " " : "\n", 1);
			}
		}
	}
	for (;;)
		cb_write_out(buf, len);
}
