/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * rm.c - remove files or directories
 *
 * usage: rm [-dfiIrRv] [--one-file-system] [--[no-]preserve-root] FILE...
 *
 * Remove (unlink) the FILE(s).
 *
 *   -f, --force           ignore nonexistent files and arguments, never prompt
 *   -i                    prompt before every removal
 *   -I                    prompt once before removing more than three files,
 *                         or when removing recursively
 *       --interactive[=WHEN]  prompt according to WHEN: never, once (-I),
 *                         or always (-i); without WHEN, prompt always
 *       --one-file-system  when removing a hierarchy recursively, skip any
 *                         directory that is on a file system different from
 *                         that of the corresponding command line argument
 *       --no-preserve-root  do not treat '/' specially
 *       --preserve-root[=all]  do not remove '/' (default); other
 *                         values are not supported
 *   -r, -R, --recursive   remove directories and their contents recursively
 *   -d, --dir             remove empty directories
 *   -v, --verbose         explain what is being done
 *
 * Each operand's parent directory is opened before capability mode; the
 * removal itself is unlinkat() beneath it, and a recursive removal walks
 * the tree with getdents64, never following a symbolic link.
 */
#include <sys/stat.h>

#include "capbox.h"
#include "cb_fs.h"
#include "cb_walk.h"

APPLET(rm, 1, 0)

static const char optstr[] = "dfiIrRv";
enum { OPT_INTERACTIVE = 256, OPT_ONEFS, OPT_NOPRESERVE, OPT_PRESERVE };
static const struct option longopts[] = {
	{ "dir", no_argument, NULL, 'd' },
	{ "force", no_argument, NULL, 'f' },
	{ "interactive", optional_argument, NULL, OPT_INTERACTIVE },
	{ "one-file-system", no_argument, NULL, OPT_ONEFS },
	{ "no-preserve-root", no_argument, NULL, OPT_NOPRESERVE },
	{ "preserve-root", optional_argument, NULL, OPT_PRESERVE },
	{ "recursive", no_argument, NULL, 'r' },
	{ "verbose", no_argument, NULL, 'v' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool	dir, force, recursive, verbose, onefs, nopreserve;
	int	interactive;	/* 0 never, 1 once, 2 always */
} opt;

static const char *
type_name(mode_t m, bool empty)
{
	if (S_ISREG(m))
		return (empty ? "regular empty file" : "regular file");
	if (S_ISDIR(m))
		return ("directory");
	if (S_ISLNK(m))
		return ("symbolic link");
	if (S_ISFIFO(m))
		return ("fifo");
	if (S_ISSOCK(m))
		return ("socket");
	if (S_ISCHR(m))
		return ("character special file");
	if (S_ISBLK(m))
		return ("block special file");
	return ("file");
}

static bool
ask(const char *what, int dirfd, const char *name, const char *path)
{
	struct stat st;

	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return (true);
	fprintf(stderr, "%s: %s %s %s? ", cb_progname, what,
	    type_name(st.st_mode, st.st_size == 0), cb_quote(path));
	return (cb_yes());
}

static int
remove_one(int dirfd, const char *name, const char *path, bool isdir)
{
	if (opt.interactive == 2 && !ask("remove", dirfd, name, path))
		return (0);
	if (unlinkat(dirfd, name, isdir ? AT_REMOVEDIR : 0) < 0) {
		if (opt.force && errno == ENOENT)
			return (0);
		cb_warn("cannot remove %s", cb_quote(path));
		return (1);
	}
	if (opt.verbose)
		printf("removed %s%s\n", isdir ? "directory " : "",
		    cb_quote(path));
	return (0);
}

static int
visit(struct cb_walk *w, enum cb_visit v, struct cb_node *n)
{
	switch (v) {
	case CB_PRE:
		if (opt.onefs && n->depth > 0 && n->st != NULL &&
		    n->st->st_dev != w->rootdev) {
			cb_warnx("skipping %s, since it's on a different device",
			    cb_quote(n->path));
			w->rval = 1;
			return (CB_SKIP);
		}
		if (opt.interactive == 2) {
			fprintf(stderr, "%s: descend into directory %s? ",
			    cb_progname, cb_quote(n->path));
			if (!cb_yes())
				return (CB_SKIP);
		}
		return (CB_CONTINUE);
	case CB_POST:
		/* A directory that kept an entry cannot go: say nothing. */
		if (n->dnr || n->name == NULL || n->keep) {
			if (n->parent != NULL)
				n->parent->keep = true;
			return (CB_CONTINUE);
		}
		if (remove_one(n->dirfd, n->name, n->path, true) != 0) {
			w->rval = 1;
			if (n->parent != NULL)
				n->parent->keep = true;
		}
		return (CB_CONTINUE);
	case CB_LEAF:
		if (remove_one(n->dirfd, n->name, n->path, false) != 0) {
			w->rval = 1;
			if (n->parent != NULL)
				n->parent->keep = true;
		}
		return (CB_CONTINUE);
	case CB_ERR:
		if (n->err == ENOENT && opt.force)
			return (CB_CONTINUE);
		errno = n->err;
		/* A directory we could not read may still be empty. */
		if (n->type == DT_DIR && n->name != NULL && n->err != ENOENT &&
		    unlinkat(n->dirfd, n->name, AT_REMOVEDIR) == 0) {
			if (opt.verbose)
				printf("removed directory %s\n",
				    cb_quote(n->path));
			return (CB_CONTINUE);
		}
		errno = n->err;
		cb_warn("cannot remove %s", cb_quote(n->path));
		w->rval = 1;
		return (CB_CONTINUE);
	}
	return (CB_CONTINUE);
}

/* "." and ".." as last component, and "/", are refused like GNU. */
enum { OK, DOTS, ROOT };

static int
refusal(const char *arg)
{
	size_t len = strlen(arg);
	const char *last;

	while (len > 1 && arg[len - 1] == '/')
		len--;
	for (last = arg + len; last > arg && last[-1] != '/'; last--)
		;
	if ((arg + len - last == 1 && last[0] == '.') ||
	    (arg + len - last == 2 && last[0] == '.' && last[1] == '.'))
		return (DOTS);
	if (opt.recursive && !opt.nopreserve && len == 1 && arg[0] == '/')
		return (ROOT);
	return (OK);
}

static bool
refused(const char *arg)
{
	switch (refusal(arg)) {
	case DOTS:
		cb_warnx("refusing to remove '.' or '..' directory: skipping %s",
		    cb_quote(arg));
		return (true);
	case ROOT:
		cb_warnx("it is dangerous to operate recursively on '/'");
		cb_warnx("use --no-preserve-root to override this failsafe");
		return (true);
	default:
		return (false);
	}
}

static int
rm_operand(struct cb_path *p)
{
	struct cb_walk w = { .visit = visit, .rval = 0 };
	struct stat st;

	if (p->dirfd < 0 || p->name == NULL) {
		errno = p->dirfd < 0 ? p->err : EISDIR;
		if (opt.force && errno == ENOENT)
			return (0);
		cb_warn("cannot remove %s", cb_quote(p->arg));
		return (1);
	}
	if (fstatat(p->dirfd, p->name, &st, AT_SYMLINK_NOFOLLOW) < 0) {
		if (opt.force && errno == ENOENT)
			return (0);
		cb_warn("cannot remove %s", cb_quote(p->arg));
		return (1);
	}
	if (!S_ISDIR(st.st_mode))
		return (remove_one(p->dirfd, p->name, p->arg, false));
	if (!opt.recursive) {
		if (opt.dir)
			return (remove_one(p->dirfd, p->name, p->arg, true));
		errno = EISDIR;
		cb_warn("cannot remove %s", cb_quote(p->arg));
		return (1);
	}
	if (opt.onefs)
		w.flags |= CB_WALK_XDEV;
	(void)cb_walk(&w, p->dirfd, p->name, p->arg);
	return (w.rval);
}

/* --interactive=WHEN, in GNU's order: 0 never, 1 once, 2 always. */
static const char *const interactive_words[] = { "never", "no", "none",
    "once", "always", "yes", NULL };
static const int interactive_vals[] = { 0, 0, 0, 1, 2, 2 };

static void
parse(int argc, char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			opt.dir = true;
			break;
		case 'f':
			opt.force = true;
			opt.interactive = 0;
			break;
		case 'i':
			opt.interactive = 2;
			opt.force = false;
			break;
		case 'I':
			opt.interactive = 1;
			opt.force = false;
			break;
		case OPT_INTERACTIVE:
			opt.interactive = optarg == NULL ? 2 : cb_argmatch(
			    "--interactive", optarg, interactive_words,
			    interactive_vals);
			break;
		case OPT_ONEFS:
			opt.onefs = true;
			break;
		case OPT_NOPRESERVE:
			opt.nopreserve = true;
			break;
		case OPT_PRESERVE:
			if (optarg != NULL && strcmp(optarg, "all") != 0)
				cb_unsupported("--preserve-root");
			opt.nopreserve = false;
			break;
		case 'r':
		case 'R':
			opt.recursive = true;
			break;
		case 'v':
			opt.verbose = true;
			break;
		default:
			cb_usage();
		}
	}
}

/* -I: one question for the whole command line. */
static bool
ask_once(int n)
{
	if (opt.interactive != 1 || (n <= 3 && !opt.recursive))
		return (true);
	if (opt.recursive)
		fprintf(stderr, "%s: remove %d argument%s recursively? ",
		    cb_progname, n, n == 1 ? "" : "s");
	else
		fprintf(stderr, "%s: remove %d arguments? ", cb_progname, n);
	return (cb_yes());
}

int
rm_main(int argc, char *argv[])
{
	struct cb_path *ops;
	cap_rights_t r;
	int i, n, rval = 0;

	parse(argc, argv);
	cb_fs_stdio(argv + optind, argc - optind);
	n = argc - optind;
	if (n == 0) {
		if (opt.force)
			return (0);
		cb_warnx("missing operand");
		cb_usage();
	}
	if ((ops = calloc((size_t)n, sizeof(*ops))) == NULL)
		cb_err(1, "calloc");
	cb_rights_walk(&r);
	cap_rights_set(&r, CAP_UNLINKAT);
	if (cb_paths_open(ops, n, argv + optind, CB_DIR_PATH, &r) < 0)
		cb_err(1, "cap_rights_limit");
	/*
	 * Operands that will be refused are whole directories ("/", "d/."),
	 * never a parent shared with another operand: drop them now, so the
	 * capability-mode domain does not hold them.
	 */
	for (i = 0; i < n; i++)
		if (refusal(ops[i].arg) != OK && ops[i].name == NULL)
			cb_path_close(&ops[i]);
	cb_enter();
	if (!ask_once(n))
		return (cb_finish(0));
	for (i = 0; i < n; i++) {
		if (refused(ops[i].arg))
			rval = 1;
		else
			rval |= rm_operand(&ops[i]);
	}
	cb_paths_close(ops, n);
	free(ops);
	return (cb_finish(rval));
}
