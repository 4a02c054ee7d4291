/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * mkdir.c - make directories
 *
 * usage: mkdir [-pv] [-m MODE] DIRECTORY...
 *
 * Create the DIRECTORY(ies), if they do not already exist.
 *
 *   -m, --mode=MODE   set file mode (as in chmod), not a=rwx - umask
 *   -p, --parents     no error if existing, make parent directories as needed
 *   -v, --verbose     print a message for each created directory
 *
 * Not supported (an error, never ignored): -Z, --context.
 *
 * The deepest existing ancestor of each operand is opened before
 * capability mode; the directories are then made beneath it with mkdirat.
 */
#include <sys/stat.h>

#include "capbox.h"
#include "cb_fs.h"

APPLET(mkdir, 1, 0)

static const char optstr[] = "m:pvZ";
static const struct option longopts[] = {
	{ "mode", required_argument, NULL, 'm' },
	{ "parents", no_argument, NULL, 'p' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "context", optional_argument, NULL, 'Z' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool	parents, verbose, setmode;
	mode_t	mode, umask_;
} opt;

/* One operand: base holds the existing part, rest is to be made. */
struct op {
	struct cb_path	base;
	const char	*rest;		/* components beneath base, or "" */
	char		*prefix;	/* the operand, cut as components go */
	char		*inway;		/* -p: the prefix that is no directory */
};

static void
verbose(const char *path)
{
	if (opt.verbose)
		printf("mkdir: created directory %s\n", cb_quote(path));
}

/* Make one component; with -p an existing directory is fine. */
static int
make(int dirfd, const char *name, mode_t mode, bool last, const char *path)
{
	struct stat st;

	if (mkdirat(dirfd, name, mode) == 0) {
		if (last && opt.setmode && fchmodat(dirfd, name, opt.mode, 0) < 0)
			return (-1);
		verbose(path);
		return (0);
	}
	if (opt.parents && errno == EEXIST) {
		if (fstatat(dirfd, name, &st, 0) == 0 && S_ISDIR(st.st_mode))
			return (0);
		/* A symlink to nowhere is in the way: say so, as GNU. */
		errno = EEXIST;
	}
	return (-1);
}

/* -p: make each missing component of op->rest beneath op->base. */
static int
make_parents(struct op *op)
{
	char *comp, *save = NULL, *rest = strdup(op->rest);
	int dirfd = op->base.dirfd, next, r = 0;
	size_t plen = strlen(op->base.arg) - strlen(op->rest);
	mode_t inter = (0777 & ~opt.umask_) | S_IWUSR | S_IXUSR;

	if (rest == NULL)
		return (-1);
	for (comp = strtok_r(rest, "/", &save); comp != NULL; comp = next >= 0 ?
	    strtok_r(NULL, "/", &save) : NULL) {
		bool last = save == NULL || *save == '\0' ||
		    strspn(save, "/") == strlen(save);

		plen += strlen(comp);
		memcpy(op->prefix, op->base.arg, plen);
		op->prefix[plen] = '\0';
		if (make(dirfd, comp, last ? (opt.setmode ? opt.mode : 0777) :
		    inter, last, op->prefix) < 0) {
			r = -1;
			break;
		}
		while (op->base.arg[plen] == '/')
			plen++;
		if (last)
			break;
		next = openat(dirfd, comp, O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (dirfd != op->base.dirfd)
			(void)close(dirfd);
		if ((dirfd = next) < 0) {
			r = -1;
			break;
		}
	}
	if (dirfd >= 0 && dirfd != op->base.dirfd)
		(void)close(dirfd);
	free(rest);
	return (r);
}

/* arg up to the end of its first component longer than NAME_MAX. */
static char *
long_component(const char *arg)
{
	const char *p = arg;
	size_t n;

	for (;;) {
		p += strspn(p, "/");
		if (*p == '\0')
			return (NULL);
		n = strcspn(p, "/");
		if (n > NAME_MAX)
			return (strndup(arg, (size_t)(p - arg) + n));
		p += n;
	}
}

/* Open the deepest existing ancestor of arg (before capability mode). */
static void
open_base(struct op *op, const char *arg)
{
	size_t len = strlen(arg);
	char *dir;

	op->rest = "";
	if ((op->prefix = malloc(len + 1)) != NULL)
		op->prefix[0] = '\0';
	if (!opt.parents || op->prefix == NULL) {
		(void)cb_path_open(&op->base, arg, CB_DIR_PATH);
		return;
	}
	if ((dir = strdup(arg)) == NULL)
		return;
	/* Cut components off the end until what is left opens. */
	for (;;) {
		while (len > 0 && dir[len - 1] == '/')
			len--;
		while (len > 0 && dir[len - 1] != '/')
			len--;
		while (len > 1 && dir[len - 1] == '/')
			len--;
		dir[len] = '\0';
		if (cb_path_open_dir(&op->base, len == 0 ? "." : dir,
		    CB_DIR_PATH) == 0 || len == 0)
			break;
		if (op->base.err != ENOENT) {
			/*
			 * A file in the way: GNU names that prefix; a name
			 * too long: the first component that is.
			 */
			op->inway = op->base.err == ENAMETOOLONG ?
			    long_component(arg) : NULL;
			if (op->inway == NULL)
				op->inway = strdup(dir);
			break;
		}
	}
	op->base.arg = arg;
	op->rest = arg + len;
	while (*op->rest == '/' && len > 0)
		op->rest++;
	free(dir);
}

static int
mkdir_op(struct op *op)
{
	/* The empty name names no directory, with -p too. */
	if (*op->base.arg == '\0') {
		errno = ENOENT;
		goto fail;
	}
	if (op->base.dirfd < 0) {
		errno = op->base.err;
		goto fail;
	}
	if (opt.parents) {
		if (*op->rest == '\0')
			return (0);
		if (make_parents(op) == 0)
			return (0);
		/* GNU names the component that could not be made. */
		if (op->inway == NULL && op->prefix != NULL &&
		    op->prefix[0] != '\0') {
			cb_warn("cannot create directory %s",
			    cb_quote(op->prefix));
			return (1);
		}
	} else if (op->base.name == NULL) {
		errno = EEXIST;
		goto fail;
	} else if (make(op->base.dirfd, op->base.name,
	    opt.setmode ? opt.mode : 0777, true, op->base.arg) == 0)
		return (0);
fail:
	cb_warn("cannot create directory %s", cb_quote(op->inway != NULL ?
	    op->inway : op->base.arg));
	return (1);
}

static void
parse(int argc, char *argv[])
{
	struct cb_modechange *mc;
	const char *mode = NULL;
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'm':
			mode = optarg;
			break;
		case 'p':
			opt.parents = true;
			break;
		case 'v':
			opt.verbose = true;
			break;
		case 'Z':
			cb_unsupported("--context");
		default:
			cb_usage();
		}
	}
	opt.umask_ = umask(0);
	(void)umask(opt.umask_);
	if (mode != NULL) {
		if ((mc = cb_mode_compile(mode)) == NULL)
			cb_errx(1, "invalid mode %s", cb_quote(mode));
		opt.mode = cb_mode_adjust(mc, 0777, true, opt.umask_, NULL);
		opt.setmode = true;
		free(mc);
	}
}

int
mkdir_main(int argc, char *argv[])
{
	struct op *ops;
	cap_rights_t r;
	int i, n, rval = 0;

	parse(argc, argv);
	cb_fs_stdio(argv + optind, argc - optind);
	if ((n = argc - optind) == 0) {
		cb_warnx("missing operand");
		cb_usage();
	}
	if ((ops = calloc((size_t)n, sizeof(*ops))) == NULL)
		cb_err(1, "calloc");
	cap_rights_init(&r, CAP_LOOKUP, CAP_MKDIRAT, CAP_FSTATAT,
	    CAP_FCHMODAT);
	for (i = 0; i < n; i++) {
		open_base(&ops[i], argv[optind + i]);
		if (cb_path_limit(&ops[i].base, &r) < 0)
			cb_err(1, "%s", argv[optind + i]);
	}
	cb_enter();
	for (i = 0; i < n; i++) {
		rval |= mkdir_op(&ops[i]);
		cb_path_close(&ops[i].base);
		free(ops[i].prefix);
		free(ops[i].inway);
	}
	free(ops);
	return (cb_finish(rval));
}
