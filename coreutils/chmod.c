/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * chmod.c - change file mode bits
 *
 * usage: chmod [-Rcfv] MODE[,MODE]... FILE...
 *        chmod [-Rcfv] OCTAL-MODE FILE...
 *        chmod [-Rcfv] --reference=RFILE FILE...
 *
 * Change the mode of each FILE to MODE.  With --reference, change the mode
 * of each FILE to that of RFILE.
 *
 *   -c, --changes          like verbose but report only when a change is made
 *   -f, --silent, --quiet  suppress most error messages
 *   -v, --verbose          output a diagnostic for every file processed
 *       --no-preserve-root  do not treat '/' specially (the default)
 *       --preserve-root    fail to operate recursively on '/'
 *       --reference=RFILE  use RFILE's mode instead of MODE values
 *   -R, --recursive        change files and directories recursively
 *
 * Each MODE is of the form '[ugoa]*([-+=]([rwxXst]*|[ugo]))+|[-+=][0-7]+'.
 *
 * Each FILE's parent directory is opened before capability mode; modes
 * are then changed with fchmodat beneath it.  A recursive walk never
 * follows a symbolic link it meets.
 */
#include <sys/stat.h>

#include "capbox.h"
#include "cb_fs.h"
#include "cb_walk.h"

APPLET(chmod, 1, 0)

static const char optstr[] = "Rcfv";
enum { OPT_NOPRESERVE = 256, OPT_PRESERVE, OPT_REFERENCE };
static const struct option longopts[] = {
	{ "changes", no_argument, NULL, 'c' },
	{ "silent", no_argument, NULL, 'f' },
	{ "quiet", no_argument, NULL, 'f' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "no-preserve-root", no_argument, NULL, OPT_NOPRESERVE },
	{ "preserve-root", no_argument, NULL, OPT_PRESERVE },
	{ "reference", required_argument, NULL, OPT_REFERENCE },
	{ "recursive", no_argument, NULL, 'R' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool			changes, quiet, verbose, recursive, preserve;
	const char		*ref, *mode;
	struct cb_modechange	*mc;
	mode_t			umask_, refmode;
} opt;

static void
describe(const char *path, mode_t old, mode_t new, bool changed)
{
	char o[11], n[11];

	cb_mode_string(old, o);
	cb_mode_string(new, n);
	if (changed)
		printf("mode of %s changed from %04o (%s) to %04o (%s)\n",
		    cb_quote(path), (unsigned)(old & 07777), o + 1,
		    (unsigned)(new & 07777), n + 1);
	else if (opt.verbose)
		printf("mode of %s retained as %04o (%s)\n", cb_quote(path),
		    (unsigned)(old & 07777), o + 1);
}

/* Change one object, (dirfd, name) or dirfd itself when name is NULL. */
static int
change(int dirfd, const char *name, const char *path, const struct stat *st)
{
	mode_t new, naive;
	bool isdir = S_ISDIR(st->st_mode);
	int r;

	if (opt.ref != NULL)
		new = opt.refmode;
	else
		new = cb_mode_adjust(opt.mc, st->st_mode, isdir, opt.umask_,
		    NULL);
	r = (new & 07777) == (st->st_mode & 07777) ? 0 :
	    fchmodat(dirfd, name == NULL ? "" : name, new,
	    name == NULL ? AT_EMPTY_PATH : 0);
	if (r < 0) {
		if (!opt.quiet)
			cb_warn("changing permissions of %s", cb_quote(path));
		return (1);
	}
	if (opt.verbose || (opt.changes &&
	    (new & 07777) != (st->st_mode & 07777)))
		describe(path, st->st_mode, (st->st_mode & S_IFMT) | new,
		    (new & 07777) != (st->st_mode & 07777));
	if (opt.ref != NULL)
		return (0);
	naive = cb_mode_adjust(opt.mc, st->st_mode, isdir, 0, NULL);
	if ((new & ~naive & 07777) != 0) {
		char a[11], b[11];

		cb_mode_string(new, a);
		cb_mode_string(naive, b);
		cb_warnx("%s: new permissions are %s, not %s", cb_quotef(path),
		    a + 1, b + 1);
		return (1);
	}
	return (0);
}

static int
visit(struct cb_walk *w, enum cb_visit v, struct cb_node *n)
{
	struct stat st;

	switch (v) {
	case CB_PRE:
	case CB_LEAF:
		if (n->type == DT_LNK) {
			if (opt.verbose)
				printf("neither symbolic link %s nor referent "
				    "has been changed\n", cb_quote(n->path));
			return (CB_CONTINUE);
		}
		if (n->st == NULL) {
			if (fstatat(n->dirfd, n->name == NULL ? "" : n->name,
			    &st, n->name == NULL ? AT_EMPTY_PATH :
			    AT_SYMLINK_NOFOLLOW) < 0) {
				if (!opt.quiet)
					cb_warn("cannot access %s",
					    cb_quote(n->path));
				w->rval = 1;
				return (CB_SKIP);
			}
			n->st = &st;
		}
		w->rval |= change(n->dirfd, n->name, n->path, n->st);
		return (CB_CONTINUE);
	case CB_ERR:
		errno = n->err;
		if (!opt.quiet)
			cb_warn("cannot read directory %s", cb_quote(n->path));
		w->rval = 1;
		return (CB_CONTINUE);
	default:
		return (CB_CONTINUE);
	}
}

static int
chmod_op(struct cb_path *p)
{
	struct cb_walk w = { .visit = visit, .flags = CB_WALK_STAT |
	    CB_WALK_FOLLOW_ROOT };
	struct stat st;

	if (cb_path_stat(p, &st, 0) < 0) {
		if (opt.quiet)
			return (1);
		if (p->dirfd >= 0 && p->name != NULL &&
		    fstatat(p->dirfd, p->name, &st, AT_SYMLINK_NOFOLLOW) == 0)
			cb_warnx("cannot operate on dangling symlink %s",
			    cb_quote(p->arg));
		else
			cb_warn("cannot access %s", cb_quote(p->arg));
		return (1);
	}
	if (opt.recursive && opt.preserve && strcmp(p->arg, "/") == 0) {
		cb_warnx("it is dangerous to operate recursively on '/'");
		cb_warnx("use --no-preserve-root to override this failsafe");
		return (1);
	}
	if (!opt.recursive || !S_ISDIR(st.st_mode))
		return (change(p->dirfd, p->name, p->arg, &st));
	(void)cb_walk(&w, p->dirfd, p->name, p->arg);
	return (w.rval);
}

/* "-w", "-rwx", "-022" are modes, not options: take them out first. */
static void
take_mode_option(int argc, char *argv[])
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (argv[i][0] == '-' && argv[i][1] != '\0' &&
		    argv[i][1] != '-' &&
		    strspn(argv[i] + 1, "rwxXstugoa,+-=01234567") ==
		    strlen(argv[i] + 1) && opt.mode == NULL) {
			opt.mode = argv[i];
			memmove(&argv[i], &argv[i + 1],
			    (size_t)(argc - i) * sizeof(char *));
			return;
		}
	}
}

static void
parse(int *argcp, char *argv[])
{
	int c;

	take_mode_option(*argcp, argv);
	if (opt.mode != NULL)
		(*argcp)--;
	while ((c = getopt_long(*argcp, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'R':
			opt.recursive = true;
			break;
		case 'c':
			opt.changes = true;
			break;
		case 'f':
			opt.quiet = true;
			break;
		case 'v':
			opt.verbose = true;
			break;
		case OPT_NOPRESERVE:
			opt.preserve = false;
			break;
		case OPT_PRESERVE:
			opt.preserve = true;
			break;
		case OPT_REFERENCE:
			opt.ref = optarg;
			break;
		default:
			cb_usage();
		}
	}
}

int
chmod_main(int argc, char *argv[])
{
	struct cb_path *ops;
	struct stat st;
	cap_rights_t r;
	int fd, i, n, rval = 0;

	parse(&argc, argv);
	cb_fs_stdio(argv + optind, argc - optind);
	if (opt.mode == NULL && opt.ref == NULL && optind < argc)
		opt.mode = argv[optind++];
	if (opt.mode == NULL && opt.ref == NULL) {
		cb_warnx("missing operand");
		cb_usage();
	}
	if ((n = argc - optind) == 0) {
		if (opt.ref != NULL)
			cb_warnx("missing operand");
		else
			cb_warnx("missing operand after %s", cb_quote(opt.mode));
		cb_usage();
	}
	opt.umask_ = umask(0);
	(void)umask(opt.umask_);
	if (opt.ref != NULL) {
		if ((fd = cb_open_operand(opt.ref, O_PATH, 0)) < 0 ||
		    fstat(fd, &st) < 0)
			cb_err(1, "failed to get attributes of %s",
			    cb_quote(opt.ref));
		(void)close(fd);
		opt.refmode = st.st_mode & 07777;
	} else if ((opt.mc = cb_mode_compile(opt.mode)) == NULL) {
		cb_warnx("invalid mode: %s", cb_quote(opt.mode));
		cb_usage();
	}
	if ((ops = calloc((size_t)n, sizeof(*ops))) == NULL)
		cb_err(1, "calloc");
	cap_rights_init(&r, CAP_LOOKUP, CAP_FCHMODAT, CAP_FSTATAT, CAP_FSTAT);
	if (opt.recursive)
		cap_rights_set(&r, CAP_READ, CAP_FCNTL, CAP_SEEK);
	if (cb_paths_open(ops, n, argv + optind, CB_DIR_PATH | CB_FOLLOW,
	    &r) < 0)
		cb_err(1, "cap_rights_limit");
	cb_enter();
	for (i = 0; i < n; i++)
		rval |= chmod_op(&ops[i]);
	cb_paths_close(ops, n);
	free(ops);
	free(opt.mc);
	return (cb_finish(rval));
}
