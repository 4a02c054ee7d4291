/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * dirname.c - strip last component from file name
 *
 * usage: dirname [-z] NAME...
 *
 * Output each NAME with its last non-slash component and trailing slashes
 * removed; if NAME contains no /'s, output '.' (meaning the current
 * directory).
 *
 *   -z, --zero   end each output line with NUL, not newline
 */
#include "capbox.h"

APPLET(dirname, 1, 0)

static const char optstr[] = "z";
static const struct option longopts[] = {
	{ "zero", no_argument, NULL, 'z' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	char	end;
} opt = { .end = '\n' };

static void
put_dir(const char *name)
{
	size_t len = strlen(name);

	while (len > 1 && name[len - 1] == '/')
		len--;
	while (len > 0 && name[len - 1] != '/')
		len--;
	while (len > 1 && name[len - 1] == '/')
		len--;
	if (len == 0)
		(void)putchar('.');
	else
		(void)fwrite(name, 1, len, stdout);
	(void)putchar(opt.end);
}

int
dirname_main(int argc, char *argv[])
{
	int c, i;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		if (c != 'z')
			cb_usage();
		opt.end = '\0';
	}
	if (optind >= argc) {
		cb_warnx("missing operand");
		cb_usage();
	}
	cb_limit_stdio();
	cb_enter();
	for (i = optind; i < argc; i++)
		put_dir(argv[i]);
	return (cb_finish(0));
}
