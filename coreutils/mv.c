/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * mv.c - move (rename) files
 *
 * usage: mv [-finTv] [-t DIRECTORY] SOURCE... DEST
 *
 * Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.
 *
 *   -f, --force                  do not prompt before overwriting
 *   -i, --interactive            prompt before overwrite
 *   -n, --no-clobber             do not overwrite an existing file
 *   -t, --target-directory=DIRECTORY  move all SOURCE arguments into
 *                                DIRECTORY
 *   -T, --no-target-directory    treat DEST as a normal file
 *   -v, --verbose                explain what is being done
 *
 * Not supported (an error, never ignored): -u, --update, -b, --backup,
 * -S, --suffix, -Z, --context, --strip-trailing-slashes.
 *
 * The parents of the sources and the destination are opened before
 * capability mode; the move is renameat beneath them.  Across file
 * systems the source is copied (modes, owners, times and hard links kept),
 * the copy is synced to disk, and only then is the source removed.
 */
#include <sys/stat.h>

#include "capbox.h"
#include "cb_fs.h"
#include "cb_walk.h"

APPLET(mv, 1, 0)

static const char optstr[] = "fint:TuvbS:Z";
enum { OPT_STRIP = 256 };
static const struct option longopts[] = {
	{ "force", no_argument, NULL, 'f' },
	{ "interactive", no_argument, NULL, 'i' },
	{ "no-clobber", no_argument, NULL, 'n' },
	{ "target-directory", required_argument, NULL, 't' },
	{ "no-target-directory", no_argument, NULL, 'T' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "update", optional_argument, NULL, 'u' },
	{ "backup", optional_argument, NULL, 'b' },
	{ "suffix", required_argument, NULL, 'S' },
	{ "context", no_argument, NULL, 'Z' },
	{ "strip-trailing-slashes", no_argument, NULL, OPT_STRIP },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool		interactive, noclobber, verbose, notarget;
	const char	*tdir;
} opt;

/* Remove a source tree once its copy is safe (EXDEV). */
static int
rm_visit(struct cb_walk *w, enum cb_visit v, struct cb_node *n)
{
	if (v == CB_PRE)
		return (CB_CONTINUE);
	if (v == CB_ERR) {
		errno = n->err;
		cb_warn("cannot remove %s", cb_quote(n->path));
		w->rval = 1;
		return (CB_CONTINUE);
	}
	if (n->name != NULL && unlinkat(n->dirfd, n->name,
	    v == CB_POST ? AT_REMOVEDIR : 0) < 0) {
		cb_warn("cannot remove %s", cb_quote(n->path));
		w->rval = 1;
	}
	return (CB_CONTINUE);
}

static int
move_across(struct cb_path *s, int ddir, const char *dname,
    const char *dpath)
{
	struct cb_cp cp = { .recursive = true, .force = true, .pmode = true,
	    .powner = true, .ptimes = true, .plinks = true, .fsync = true,
	    .deref = CB_DEREF_NEVER };
	struct cb_walk w = { .visit = rm_visit };
	struct stat st;

	cp.umask_ = umask(0);
	(void)umask(cp.umask_);
	/* An existing destination directory is replaced, as rename does. */
	if (fstatat(ddir, dname, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISDIR(st.st_mode) && unlinkat(ddir, dname, AT_REMOVEDIR) < 0) {
		cb_warn("cannot move %s to %s", cb_quote_n(1, s->arg),
		    cb_quote_n(2, dpath));
		return (1);
	}
	if (cb_cp_copy(&cp, s->dirfd, s->name, s->arg, ddir, dname, dpath) != 0)
		return (1);
	(void)cb_walk(&w, s->dirfd, s->name, s->arg);
	return (w.rval);
}

static int
report(int e, struct cb_path *s, const char *dpath, const struct stat *ss)
{
	errno = e;
	if (e == EINVAL && S_ISDIR(ss->st_mode))
		cb_warnx("cannot move %s to a subdirectory of itself, %s",
		    cb_quote_n(1, s->arg), cb_quote_n(2, dpath));
	else if (e == ENOTDIR && S_ISDIR(ss->st_mode))
		cb_warnx("cannot overwrite non-directory %s with directory %s",
		    cb_quote_n(1, dpath), cb_quote_n(2, s->arg));
	else if (e == EISDIR)
		cb_warnx("cannot overwrite directory %s with non-directory",
		    cb_quote(dpath));
	else
		cb_warn("cannot move %s to %s", cb_quote_n(1, s->arg),
		    cb_quote_n(2, dpath));
	return (1);
}

static int
move(struct cb_path *s, int ddir, const char *dname, const char *dpath)
{
	struct stat ss, ds;
	bool exists;

	if (s->dirfd < 0 || s->name == NULL) {
		errno = s->dirfd < 0 ? s->err : EBUSY;
		cb_warn(s->dirfd < 0 ? "cannot stat %s" : "cannot move %s",
		    cb_quote(s->arg));
		return (1);
	}
	if (fstatat(s->dirfd, s->name, &ss, AT_SYMLINK_NOFOLLOW) < 0) {
		cb_warn("cannot stat %s", cb_quote(s->arg));
		return (1);
	}
	exists = fstatat(ddir, dname, &ds, AT_SYMLINK_NOFOLLOW) == 0;
	/* GNU looks the destination up first, and says so when it cannot. */
	if (!exists && errno != ENOENT) {
		cb_warn("cannot stat %s", cb_quote(dpath));
		return (1);
	}
	if (exists && cb_same_inode(&ss, &ds)) {
		cb_warnx("%s and %s are the same file", cb_quote_n(1, s->arg),
		    cb_quote_n(2, dpath));
		return (1);
	}
	if (exists && opt.noclobber)
		return (0);
	if (exists && opt.interactive) {
		fprintf(stderr, "%s: overwrite %s? ", cb_progname,
		    cb_quote(dpath));
		if (!cb_yes())
			return (0);
	}
	if (exists && S_ISDIR(ds.st_mode) && !S_ISDIR(ss.st_mode))
		return (report(EISDIR, s, dpath, &ss));
	if (exists && !S_ISDIR(ds.st_mode) && S_ISDIR(ss.st_mode))
		return (report(ENOTDIR, s, dpath, &ss));
	if (renameat(s->dirfd, s->name, ddir, dname) < 0) {
		if (errno != EXDEV)
			return (report(errno, s, dpath, &ss));
		if (move_across(s, ddir, dname, dpath) != 0)
			return (1);
	}
	if (opt.verbose)
		printf("renamed %s -> %s\n", cb_quote_n(1, s->arg),
		    cb_quote_n(2, dpath));
	return (0);
}

static void
parse(int argc, char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			opt.interactive = opt.noclobber = false;
			break;
		case 'i':
			opt.interactive = true;
			opt.noclobber = false;
			break;
		case 'n':
			opt.noclobber = true;
			opt.interactive = false;
			break;
		case 't':
			opt.tdir = optarg;
			break;
		case 'T':
			opt.notarget = true;
			break;
		case 'v':
			opt.verbose = true;
			break;
		case 'u':
			cb_unsupported("--update");
		case 'b':
			cb_unsupported("--backup");
		case 'S':
			cb_unsupported("--suffix");
		case 'Z':
			cb_unsupported("--context");
		case OPT_STRIP:
			cb_unsupported("--strip-trailing-slashes");
		default:
			cb_usage();
		}
	}
}

static bool
is_dir(const char *arg)
{
	struct stat st;
	int fd = cb_open_operand(arg, O_PATH, 0);
	bool r;

	if (fd < 0)
		return (false);
	r = fstat(fd, &st) == 0 && S_ISDIR(st.st_mode);
	(void)close(fd);
	return (r);
}

static int
move_into(struct cb_path *s, struct cb_path *dst, const char *dir)
{
	size_t len = strlen(s->arg);
	const char *b;
	char *name, *dpath;
	int r;

	while (len > 1 && s->arg[len - 1] == '/')
		len--;
	for (b = s->arg + len; b > s->arg && b[-1] != '/'; b--)
		;
	if ((name = strndup(b, (size_t)(s->arg + len - b))) == NULL ||
	    asprintf(&dpath, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" :
	    "/", name) < 0)
		cb_err(1, "malloc");
	r = move(s, dst->dirfd, name, dpath);
	free(name);
	free(dpath);
	return (r);
}

int
mv_main(int argc, char *argv[])
{
	struct cb_path *src, dst;
	struct cb_cp cp = { .recursive = true, .fsync = true, .plinks = true };
	cap_rights_t rs, rd;
	char **names;
	const char *dir = NULL;
	int i, n, rval = 0;

	parse(argc, argv);
	cb_fs_stdio(argv + optind, argc - optind);
	names = argv + optind;
	n = argc - optind;
	if (n == 0 || (n == 1 && opt.tdir == NULL)) {
		if (n == 0)
			cb_warnx("missing file operand");
		else
			cb_warnx("missing destination file operand after %s",
			    cb_quote(names[0]));
		cb_usage();
	}
	if (opt.notarget && n > 2) {
		cb_warnx("extra operand %s", cb_quote(names[2]));
		cb_usage();
	}
	if (opt.tdir != NULL)
		dir = opt.tdir;
	else if (!opt.notarget && is_dir(names[n - 1]))
		dir = names[--n];
	else if (n > 2)
		cb_target_not_dir(names[n - 1]);
	else
		n = 1;
	if (dir != NULL) {
		if (cb_path_open_dir(&dst, dir, CB_DIR_PATH) < 0)
			cb_err(1, "target %s", cb_quote(dir));
	} else
		(void)cb_path_open(&dst, names[1], CB_DIR_PATH);
	if ((src = calloc((size_t)n, sizeof(*src))) == NULL)
		cb_err(1, "calloc");
	cb_cp_rights(&cp, &rs, &rd);
	/*
	 * Landlock lets a rename move a file between two held directories
	 * only if the target grants no more than the source: give both the
	 * same rights, the union of what moving and copying need.
	 */
	cap_rights_set(&rs, CAP_RENAMEAT_SOURCE, CAP_RENAMEAT_TARGET);
	cap_rights_merge(&rs, &rd);
	rd = rs;
	if (cb_paths_open(src, n, names, CB_DIR_PATH, &rs) < 0 ||
	    cb_path_limit(&dst, &rd) < 0)
		cb_err(1, "cap_rights_limit");
	cb_enter();
	for (i = 0; i < n; i++) {
		if (dst.dirfd < 0) {
			/*
			 * As GNU's: the source is looked at first, then the
			 * destination, where only a missing one goes on.
			 */
			errno = src[i].dirfd < 0 ? src[i].err : dst.err;
			if (src[i].dirfd < 0 || dst.err != ENOENT)
				cb_warn("cannot stat %s", cb_quote(src[i].dirfd <
				    0 ? src[i].arg : names[1]));
			else
				cb_warn("cannot move %s to %s",
				    cb_quote_n(1, src[i].arg),
				    cb_quote_n(2, names[1]));
			rval = 1;
		} else if (dir != NULL)
			rval |= move_into(&src[i], &dst, dir);
		else if (dst.name == NULL) {
			errno = EISDIR;
			rval |= report(EBUSY, &src[i], names[1],
			    &(struct stat){ .st_mode = 0 });
		} else
			rval |= move(&src[i], dst.dirfd, dst.name, names[1]);
	}
	cb_paths_close(src, n);
	cb_path_close(&dst);
	free(src);
	return (cb_finish(rval));
}
