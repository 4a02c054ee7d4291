/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * realpath.c - print the resolved path
 *
 * usage: realpath [-emqsz] FILE...
 *
 * Print the resolved absolute file name; all but the last component must
 * exist.
 *
 *   -e, --canonicalize-existing  all components of the path must exist
 *   -m, --canonicalize-missing   no path components need exist or be a
 *                                directory
 *   -P, --physical               resolve symlinks as encountered (default)
 *   -q, --quiet                  suppress most error messages
 *   -s, --strip, --no-symlinks   don't expand symlinks
 *   -z, --zero                   end each output line with NUL, not newline
 *
 * Not supported (an error, never ignored): -L, --logical, --relative-to,
 * --relative-base.
 *
 * Names are worked out component by component beneath a look-up-only
 * descriptor of "/" (see cb_canon in cb_fs.c).
 */
#include "capbox.h"
#include "cb_fs.h"

APPLET(realpath, 1, 0)

static const char optstr[] = "emLPqsz";
enum { OPT_RELTO = 256, OPT_RELBASE };
static const struct option longopts[] = {
	{ "canonicalize-existing", no_argument, NULL, 'e' },
	{ "canonicalize-missing", no_argument, NULL, 'm' },
	{ "logical", no_argument, NULL, 'L' },
	{ "physical", no_argument, NULL, 'P' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "strip", no_argument, NULL, 's' },
	{ "no-symlinks", no_argument, NULL, 's' },
	{ "zero", no_argument, NULL, 'z' },
	{ "relative-to", required_argument, NULL, OPT_RELTO },
	{ "relative-base", required_argument, NULL, OPT_RELBASE },
	{ NULL, 0, NULL, 0 },
};

static struct {
	int	how;
	bool	quiet;
	char	delim;
} opt = { CB_CANON_ALL_BUT_LAST, false, '\n' };

int
realpath_main(int argc, char *argv[])
{
	cap_rights_t r;
	char *cwd, *s;
	int c, i, rootfd, cwd_err, rval = 0;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'e':
			opt.how = (opt.how & CB_CANON_NOLINKS) |
			    CB_CANON_EXISTING;
			break;
		case 'm':
			opt.how = (opt.how & CB_CANON_NOLINKS) |
			    CB_CANON_MISSING;
			break;
		case 'L':
			cb_unsupported("--logical");
		case 'P':
			opt.how &= ~CB_CANON_NOLINKS;
			break;
		case 'q':
			opt.quiet = true;
			break;
		case 's':
			opt.how |= CB_CANON_NOLINKS;
			break;
		case 'z':
			opt.delim = '\0';
			break;
		case OPT_RELTO:
			cb_unsupported("--relative-to");
		case OPT_RELBASE:
			cb_unsupported("--relative-base");
		default:
			cb_usage();
		}
	}
	if (optind == argc) {
		cb_warnx("missing operand");
		cb_usage();
	}
	cb_fs_stdio(argv + optind, argc - optind);
	cap_rights_init(&r, CAP_LOOKUP, CAP_FSTATAT, CAP_FSTAT);
	/* A removed working directory fails the relative names only. */
	cwd = cb_cwd_name();
	cwd_err = errno;
	if ((rootfd = cb_open_operand("/", O_PATH | O_DIRECTORY, 0)) < 0 ||
	    cap_rights_limit(rootfd, &r) < 0)
		cb_err(1, "/");
	cb_enter();
	for (i = optind; i < argc; i++) {
		errno = cwd_err;
		if ((cwd == NULL && argv[i][0] != '/') ||
		    (s = cb_canon(rootfd, cwd, argv[i], opt.how)) == NULL) {
			if (!opt.quiet)
				cb_warn("%s", cb_quotef(argv[i]));
			rval = 1;
			continue;
		}
		fputs(s, stdout);
		putchar(opt.delim);
		free(s);
	}
	free(cwd);
	return (cb_finish(rval));
}
