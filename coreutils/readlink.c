/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * readlink.c - print resolved symbolic links or canonical file names
 *
 * usage: readlink [-efmnqsvz] FILE...
 *
 * Print value of a symbolic link or canonical file name.
 *
 *   -f, --canonicalize            canonicalize by following every symlink in
 *                                 every component of the given name
 *                                 recursively; all but the last component
 *                                 must exist
 *   -e, --canonicalize-existing   canonicalize by following every symlink in
 *                                 every component of the given name
 *                                 recursively, all components must exist
 *   -m, --canonicalize-missing    canonicalize by following every symlink in
 *                                 every component of the given name
 *                                 recursively, without requirements on
 *                                 components existence
 *   -n, --no-newline              do not output the trailing delimiter
 *   -q, --quiet                   suppress most error messages (on by
 *                                 default)
 *   -s, --silent                  suppress most error messages (on by
 *                                 default)
 *   -v, --verbose                 report error messages
 *   -z, --zero                    end each output line with NUL, not newline
 *
 * Links are read with readlinkat beneath the operand's parent directory;
 * canonical names are worked out component by component beneath a
 * look-up-only descriptor of "/" (see cb_canon in cb_fs.c).
 */
#include <sys/stat.h>

#include "capbox.h"
#include "cb_fs.h"

APPLET(readlink, 1, 0)

static const char optstr[] = "efmnqsvz";
static const struct option longopts[] = {
	{ "canonicalize", no_argument, NULL, 'f' },
	{ "canonicalize-existing", no_argument, NULL, 'e' },
	{ "canonicalize-missing", no_argument, NULL, 'm' },
	{ "no-newline", no_argument, NULL, 'n' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "silent", no_argument, NULL, 's' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "zero", no_argument, NULL, 'z' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	int	canon;		/* -1: read the link only */
	bool	nonl, verbose;
	char	delim;
} opt = { -1, false, false, '\n' };

static bool
trailing_slash(const char *s)
{
	size_t n = strlen(s);

	return (n > 1 && s[n - 1] == '/');
}

/* "l/" names what l points to, which is no symlink: EINVAL if it exists. */
static ssize_t
not_link(const struct cb_path *p)
{
	struct stat st;

	if (cb_path_stat(p, &st, 0) == 0)
		errno = EINVAL;
	return (-1);
}

/* A name that exists but is no symlink: EINVAL, as readlink(2) says. */
static ssize_t
not_link_nofollow(const struct cb_path *p)
{
	struct stat st;

	if (cb_path_stat(p, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    !S_ISLNK(st.st_mode))
		errno = EINVAL;
	else
		errno = ENOENT;
	return (-1);
}

/* cwd is NULL when it could not be named (cwd_err says why). */
static int
readlink_op(struct cb_path *p, int rootfd, const char *cwd, int cwd_err)
{
	char buf[PATH_MAX + 1], *s = buf;
	ssize_t n;

	if (opt.canon >= 0) {
		errno = cwd_err;
		if ((cwd == NULL && p->arg[0] != '/') ||
		    (s = cb_canon(rootfd, cwd, p->arg, opt.canon)) == NULL)
			goto fail;
	} else {
		if (p->dirfd < 0) {
			errno = p->err;
			goto fail;
		}
		n = p->name == NULL || trailing_slash(p->arg) ?
		    not_link(p) : readlinkat(p->dirfd, p->name, buf,
		    sizeof(buf) - 1);
		if (n < 0 && errno == ENOENT && p->name != NULL)
			(void)not_link_nofollow(p);
		if (n < 0)
			goto fail;
		buf[n] = '\0';
	}
	fputs(s, stdout);
	if (!opt.nonl)
		putchar(opt.delim);
	if (s != buf)
		free(s);
	return (0);
fail:
	if (opt.verbose)
		cb_warn("%s", cb_quotef(p->arg));
	return (1);
}

int
readlink_main(int argc, char *argv[])
{
	struct cb_path *ops;
	cap_rights_t r;
	char *cwd = NULL;
	int c, i, n, rootfd = -1, cwd_err = 0, rval = 0;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'e':
			opt.canon = CB_CANON_EXISTING;
			break;
		case 'f':
			opt.canon = CB_CANON_ALL_BUT_LAST;
			break;
		case 'm':
			opt.canon = CB_CANON_MISSING;
			break;
		case 'n':
			opt.nonl = true;
			break;
		case 'q':
		case 's':
			opt.verbose = false;
			break;
		case 'v':
			opt.verbose = true;
			break;
		case 'z':
			opt.delim = '\0';
			break;
		default:
			cb_usage();
		}
	}
	if ((n = argc - optind) == 0) {
		cb_warnx("missing operand");
		cb_usage();
	}
	if (n > 1 && opt.nonl) {
		cb_warnx("ignoring --no-newline with multiple arguments");
		opt.nonl = false;
	}
	if ((ops = calloc((size_t)n, sizeof(*ops))) == NULL)
		cb_err(1, "calloc");
	cb_fs_stdio(argv + optind, argc - optind);
	cap_rights_init(&r, CAP_LOOKUP, CAP_FSTATAT, CAP_FSTAT);
	if (opt.canon >= 0) {
		/* A removed working directory fails relative names only. */
		cwd = cb_cwd_name();
		cwd_err = errno;
		if ((rootfd = cb_open_operand("/", O_PATH | O_DIRECTORY, 0)) < 0 ||
		    cap_rights_limit(rootfd, &r) < 0)
			cb_err(1, "/");
	} else if (cb_paths_open(ops, n, argv + optind, CB_DIR_PATH, &r) < 0)
		cb_err(1, "cap_rights_limit");
	cb_enter();
	for (i = 0; i < n; i++) {
		ops[i].arg = argv[optind + i];
		rval |= readlink_op(&ops[i], rootfd, cwd, cwd_err);
	}
	if (opt.canon < 0)
		cb_paths_close(ops, n);
	free(ops);
	free(cwd);
	return (cb_finish(rval));
}
