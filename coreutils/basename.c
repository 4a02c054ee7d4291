/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * basename.c - strip directory and suffix from file names
 *
 * usage: basename NAME [SUFFIX]
 *    or: basename OPTION... NAME...
 *
 * Print NAME with any leading directory components removed.  If
 * specified, also remove a trailing SUFFIX.
 *
 *   -a, --multiple       support multiple arguments and treat each as a NAME
 *   -s, --suffix=SUFFIX  remove a trailing SUFFIX; implies -a
 *   -z, --zero           end each output line with NUL, not newline
 */
#include "capbox.h"

APPLET(basename, 1, 0)

static const char optstr[] = "+as:z";
static const struct option longopts[] = {
	{ "multiple", no_argument, NULL, 'a' },
	{ "suffix", required_argument, NULL, 's' },
	{ "zero", no_argument, NULL, 'z' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool		multiple;
	const char	*suffix;
	char		end;
} opt = { .end = '\n' };

static void
put_base(const char *name, const char *suffix)
{
	size_t len = strlen(name), start, slen;

	while (len > 1 && name[len - 1] == '/')
		len--;
	start = len;
	while (start > 0 && name[start - 1] != '/')
		start--;
	if (len == 1 && name[0] == '/')
		start = 0;
	/* GNU keeps the name when the suffix is all of it. */
	if (suffix != NULL && (slen = strlen(suffix)) < len - start &&
	    memcmp(name + len - slen, suffix, slen) == 0)
		len -= slen;
	(void)fwrite(name + start, 1, len - start, stdout);
	(void)putchar(opt.end);
}

int
basename_main(int argc, char *argv[])
{
	int c, i;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			opt.multiple = true;
			break;
		case 's':
			opt.multiple = true;
			opt.suffix = optarg;
			break;
		case 'z':
			opt.end = '\0';
			break;
		default:
			cb_usage();
		}
	}
	if (optind >= argc) {
		cb_warnx("missing operand");
		cb_usage();
	}
	if (!opt.multiple && argc - optind > 2) {
		cb_warnx("extra operand %s", cb_qc(0, argv[optind + 2]));
		cb_usage();
	}
	cb_limit_stdio();
	cb_enter();
	if (!opt.multiple)
		put_base(argv[optind], optind + 1 < argc ? argv[optind + 1] :
		    NULL);
	else
		for (i = optind; i < argc; i++)
			put_base(argv[i], opt.suffix);
	return (cb_finish(0));
}
