/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * rmdir.c - remove empty directories
 *
 * usage: rmdir [-pv] [--ignore-fail-on-non-empty] DIRECTORY...
 *
 * Remove the DIRECTORY(ies), if they are empty.
 *
 *       --ignore-fail-on-non-empty  ignore each failure to remove a
 *                     non-empty directory
 *   -p, --parents     remove DIRECTORY and its ancestors; e.g.,
 *                     'rmdir -p a/b' is similar to 'rmdir a/b a'
 *   -v, --verbose     output a diagnostic for every directory processed
 *
 * The parent of each directory to remove (with -p, of each ancestor too)
 * is opened before capability mode; removal is unlinkat(AT_REMOVEDIR).
 */
#include "capbox.h"
#include "cb_fs.h"

APPLET(rmdir, 1, 0)

static const char optstr[] = "pv";
enum { OPT_IGNORE = 256 };
static const struct option longopts[] = {
	{ "ignore-fail-on-non-empty", no_argument, NULL, OPT_IGNORE },
	{ "parents", no_argument, NULL, 'p' },
	{ "verbose", no_argument, NULL, 'v' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool	ignore, parents, verbose;
} opt;

/* One directory to remove, and with -p the ancestors after it. */
struct op {
	const char	*arg;	/* as typed, for messages */
	struct cb_path	*v;
	int		n;
	char		**names;
};

/* "a/b/c" -> "a/b/c", "a/b", "a" (as -p removes them). */
static int
chain(struct op *op, const char *arg)
{
	char *s;
	size_t len;
	int cap = 1;

	op->arg = arg;
	for (s = (char *)arg; *s != '\0'; s++)
		cap += *s == '/';
	if ((op->v = calloc((size_t)cap, sizeof(*op->v))) == NULL ||
	    (op->names = calloc((size_t)cap, sizeof(char *))) == NULL)
		return (-1);
	len = strlen(arg);
	while (op->n < cap) {
		while (len > 1 && arg[len - 1] == '/')
			len--;
		if (len == 0 || (op->names[op->n] = strndup(arg, len)) == NULL)
			break;
		op->n++;
		if (!opt.parents)
			break;
		while (len > 0 && arg[len - 1] != '/')
			len--;
		while (len > 0 && arg[len - 1] == '/')
			len--;
	}
	return (0);
}

static bool
ignorable(int e)
{
	return (opt.ignore && (e == ENOTEMPTY || e == EEXIST));
}

static int
rmdir_op(struct op *op)
{
	int i;

	/* The empty name names no directory (GNU: ENOENT). */
	if (op->n == 0) {
		errno = ENOENT;
		cb_warn("failed to remove %s", cb_quote(op->arg));
		return (1);
	}
	for (i = 0; i < op->n; i++) {
		struct cb_path *p = &op->v[i];
		/* The operand as typed ("d/"), its ancestors as derived. */
		const char *name = i == 0 ? op->arg : p->arg;

		if (opt.verbose)
			printf("rmdir: removing directory, %s\n",
			    cb_quote(name));
		if (p->dirfd < 0)
			errno = p->err;
		else if (p->name == NULL)
			errno = strcmp(p->arg, "/") == 0 ? EBUSY : EINVAL;
		else if (unlinkat(p->dirfd, p->name, AT_REMOVEDIR) == 0)
			continue;
		if (ignorable(errno))
			return (0);
		cb_warn(i > 0 ? "failed to remove directory %s" :
		    "failed to remove %s", cb_quote(name));
		return (1);
	}
	return (0);
}

int
rmdir_main(int argc, char *argv[])
{
	struct op *ops;
	cap_rights_t r;
	int c, i, j, n, rval = 0;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case OPT_IGNORE:
			opt.ignore = true;
			break;
		case 'p':
			opt.parents = true;
			break;
		case 'v':
			opt.verbose = true;
			break;
		default:
			cb_usage();
		}
	}
	if ((n = argc - optind) == 0) {
		cb_warnx("missing operand");
		cb_usage();
	}
	if ((ops = calloc((size_t)n, sizeof(*ops))) == NULL)
		cb_err(1, "calloc");
	cb_fs_stdio(argv + optind, argc - optind);
	cap_rights_init(&r, CAP_LOOKUP, CAP_UNLINKAT);
	for (i = 0; i < n; i++) {
		if (chain(&ops[i], argv[optind + i]) < 0)
			cb_err(1, "calloc");
		if (cb_paths_open(ops[i].v, ops[i].n, ops[i].names,
		    CB_DIR_PATH, &r) < 0)
			cb_err(1, "%s", argv[optind + i]);
	}
	cb_enter();
	for (i = 0; i < n; i++) {
		rval |= rmdir_op(&ops[i]);
		cb_paths_close(ops[i].v, ops[i].n);
		for (j = 0; j < ops[i].n; j++)
			free(ops[i].names[j]);
		free(ops[i].names);
		free(ops[i].v);
	}
	free(ops);
	return (cb_finish(rval));
}
