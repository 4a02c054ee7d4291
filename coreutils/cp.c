/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cp.c - copy files and directories
 *
 * usage: cp [-adfHiLnPprRvx] [--preserve[=ATTR_LIST]] [-T] SOURCE DEST
 *        cp [OPTION]... SOURCE... DIRECTORY
 *        cp [OPTION]... -t DIRECTORY SOURCE...
 *
 * Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.
 *
 *   -a, --archive                same as -dR --preserve=all
 *   -d                           same as --no-dereference --preserve=links
 *   -f, --force                  if an existing destination file cannot be
 *                                opened, remove it and try again
 *   -i, --interactive            prompt before overwrite
 *   -H                           follow command-line symbolic links in SOURCE
 *   -L, --dereference            always follow symbolic links in SOURCE
 *   -n, --no-clobber             do not overwrite an existing file
 *   -P, --no-dereference         never follow symbolic links in SOURCE
 *   -p                           same as --preserve=mode,ownership,timestamps
 *       --preserve[=ATTR_LIST]   preserve the specified attributes (default:
 *                                mode,ownership,timestamps), if possible
 *                                additional attributes: links, all
 *       --no-preserve=ATTR_LIST  don't preserve the specified attributes
 *   -R, -r, --recursive          copy directories recursively
 *       --remove-destination     remove each existing destination file
 *                                before attempting to open it
 *   -t, --target-directory=DIRECTORY  copy all SOURCE arguments into
 *                                DIRECTORY
 *   -T, --no-target-directory    treat DEST as a normal file
 *   -v, --verbose                explain what is being done
 *   -x, --one-file-system        stay on this file system
 *       --reflink[=auto]         let the kernel share blocks where it can
 *                                (what copy_file_range does anyway)
 *
 * Not supported (an error, never ignored): -l, --link, -s,
 * --symbolic-link, -u, --update, -b, --backup, -S, --suffix, -Z,
 * --context, --reflink=always|never, --sparse, --parents,
 * --attributes-only, --strip-trailing-slashes.
 *
 * Sources and the destination directory are opened before capability
 * mode; the copy then walks beneath them with openat/mkdirat, moving data
 * with copy_file_range.  Without -L, a symbolic link is copied as a link
 * and never followed out of the tree.
 */
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "capbox.h"
#include "cb_fs.h"
#include "cb_walk.h"

APPLET(cp, 1, 0)

static const char optstr[] = "adfHiLlnPprRst:TuvxbS:Z";
enum { OPT_PRESERVE = 256, OPT_NOPRESERVE, OPT_REMOVE, OPT_REFLINK,
    OPT_SPARSE, OPT_PARENTS, OPT_ATTRONLY, OPT_STRIP };
static const struct option longopts[] = {
	{ "archive", no_argument, NULL, 'a' },
	{ "force", no_argument, NULL, 'f' },
	{ "interactive", no_argument, NULL, 'i' },
	{ "dereference", no_argument, NULL, 'L' },
	{ "no-clobber", no_argument, NULL, 'n' },
	{ "no-dereference", no_argument, NULL, 'P' },
	{ "preserve", optional_argument, NULL, OPT_PRESERVE },
	{ "no-preserve", required_argument, NULL, OPT_NOPRESERVE },
	{ "recursive", no_argument, NULL, 'R' },
	{ "remove-destination", no_argument, NULL, OPT_REMOVE },
	{ "target-directory", required_argument, NULL, 't' },
	{ "no-target-directory", no_argument, NULL, 'T' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "one-file-system", no_argument, NULL, 'x' },
	{ "link", no_argument, NULL, 'l' },
	{ "symbolic-link", no_argument, NULL, 's' },
	{ "update", optional_argument, NULL, 'u' },
	{ "backup", optional_argument, NULL, 'b' },
	{ "suffix", required_argument, NULL, 'S' },
	{ "context", optional_argument, NULL, 'Z' },
	{ "reflink", optional_argument, NULL, OPT_REFLINK },
	{ "sparse", required_argument, NULL, OPT_SPARSE },
	{ "parents", no_argument, NULL, OPT_PARENTS },
	{ "attributes-only", no_argument, NULL, OPT_ATTRONLY },
	{ "strip-trailing-slashes", no_argument, NULL, OPT_STRIP },
	{ NULL, 0, NULL, 0 },
};

/* ---- hard links already copied (--preserve=links) ---- */

struct cb_links {
	struct lnk {
		dev_t	dev;
		ino_t	ino;
		char	*rel;	/* the copy, relative to the root's ddir */
	}	*v;
	size_t	n, cap;
};

static struct lnk *
link_find(struct cb_links *l, const struct stat *st)
{
	size_t i, h;

	if (l == NULL || l->cap == 0)
		return (NULL);
	h = (size_t)(st->st_ino * 2654435761u) % l->cap;
	for (i = 0; i < l->cap; i++) {
		struct lnk *e = &l->v[(h + i) % l->cap];

		if (e->rel == NULL || (e->dev == st->st_dev &&
		    e->ino == st->st_ino))
			return (e);
	}
	return (NULL);
}

static void
link_add(struct cb_links *l, const struct stat *st, const char *rel)
{
	struct lnk *e, *old = l->v;
	size_t i, ocap = l->cap;

	if (l->n * 2 >= l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		if ((l->v = calloc(l->cap, sizeof(*l->v))) == NULL) {
			l->v = old;
			l->cap = ocap;
			return;
		}
		l->n = 0;
		for (i = 0; i < ocap; i++) {
			if (old[i].rel == NULL)
				continue;
			e = link_find(l, &(struct stat){ .st_dev = old[i].dev,
			    .st_ino = old[i].ino });
			*e = old[i];
			l->n++;
		}
		free(old);
	}
	if ((e = link_find(l, st)) == NULL || e->rel != NULL)
		return;
	if ((e->rel = strdup(rel)) == NULL)
		return;
	e->dev = st->st_dev;
	e->ino = st->st_ino;
	l->n++;
}

/* ---- one walk: a source operand copied to its destination ---- */

struct job {
	struct cb_cp	*cp;
	int		ddir;		/* destination root's directory */
	const char	*dname, *dpath;	/* destination root */
	size_t		slen;		/* length of the source operand path */
	char		*dbuf;		/* destination path of this entry */
	size_t		dcap;
	int		rval;
	dev_t		newdev;		/* the copy's root directory, once made */
	ino_t		newino;
	bool		made;
};

/* The destination path of the entry whose source path is spath. */
static const char *
dest_path(struct job *j, const char *spath)
{
	const char *suffix = spath + j->slen;
	size_t need = strlen(j->dpath) + strlen(suffix) + 2;
	char *nb;

	if (need > j->dcap) {
		if ((nb = realloc(j->dbuf, need)) == NULL)
			return (j->dpath);
		j->dbuf = nb;
		j->dcap = need;
	}
	(void)snprintf(j->dbuf, j->dcap, "%s%s%s", j->dpath,
	    *suffix == '/' || *suffix == '\0' ? "" : "/", suffix);
	return (j->dbuf);
}

/* Where a node's copy goes: (dir, name). */
static void
dest_of(struct job *j, const struct cb_node *n, int *dir, const char **name)
{
	if (n->depth == 0) {
		*dir = j->ddir;
		*name = j->dname;
	} else {
		*dir = n->parent->ufd;
		*name = n->name;
	}
}

/* The copy's name relative to j->ddir, for hard links. */
static char *
rel_path(struct job *j, const char *spath)
{
	char *s;

	if (asprintf(&s, "%s%s", j->dname, spath + j->slen) < 0)
		return (NULL);
	return (s);
}

static void
verbose(const char *from, const char *to)
{
	printf("%s -> %s\n", cb_quote_n(1, from), cb_quote_n(2, to));
}

/* Mode, owner, times of a finished copy, as -p asks. */
static int
preserve(struct cb_cp *cp, int fd, int dir, const char *name,
    const struct stat *st, const char *dpath)
{
	struct timespec ts[2] = { st->st_atim, st->st_mtim };
	bool lnk = S_ISLNK(st->st_mode);

	if (cp->powner && (fd >= 0 ? fchown(fd, st->st_uid, st->st_gid) :
	    fchownat(dir, name, st->st_uid, st->st_gid,
	    AT_SYMLINK_NOFOLLOW)) < 0 && errno != EPERM && errno != EINVAL &&
	    errno != EOPNOTSUPP) {
		cb_warn("failed to preserve ownership for %s", cb_quote(dpath));
		return (1);
	}
	if (cp->pmode && !lnk && (fd >= 0 ? fchmod(fd, st->st_mode & 07777) :
	    fchmodat(dir, name, st->st_mode & 07777, 0)) < 0) {
		cb_warn("preserving permissions for %s", cb_quote(dpath));
		return (1);
	}
	if (cp->ptimes && (fd >= 0 ? futimens(fd, ts) :
	    utimensat(dir, name, ts, AT_SYMLINK_NOFOLLOW)) < 0 &&
	    !(lnk && errno == EOPNOTSUPP)) {
		cb_warn("preserving times for %s", cb_quote(dpath));
		return (1);
	}
	return (0);
}

/*
 * An existing destination: refuse the source itself, honour -n and -i.
 * Returns 1 to go on, 0 to skip quietly, -1 after a message.
 */
static int
check_existing(struct cb_cp *cp, const struct stat *ss, int ddir,
    const char *dname, const char *spath, const char *dpath)
{
	struct stat ds;

	if (fstatat(ddir, dname, &ds, 0) < 0 &&
	    fstatat(ddir, dname, &ds, AT_SYMLINK_NOFOLLOW) < 0)
		return (1);
	if (cb_same_inode(ss, &ds)) {
		cb_warnx("%s and %s are the same file", cb_quote_n(1, spath),
		    cb_quote_n(2, dpath));
		return (-1);
	}
	if (cp->noclobber)
		return (0);
	if (S_ISDIR(ds.st_mode) && !S_ISDIR(ss->st_mode)) {
		cb_warnx("cannot overwrite directory %s with non-directory",
		    cb_quote(dpath));
		return (-1);
	}
	if (cp->interactive) {
		fprintf(stderr, "%s: overwrite %s? ", cb_progname,
		    cb_quote(dpath));
		if (!cb_yes())
			return (0);
	}
	return (1);
}

/* Open the destination file for writing, creating or replacing it. */
static int
open_dest(struct cb_cp *cp, const struct stat *ss, int ddir,
    const char *dname, const char *spath, const char *dpath)
{
	int fd, r, fl = O_WRONLY | O_CLOEXEC | O_NOCTTY;
	mode_t mode = ss->st_mode & 0777;

	if (cp->remove_first && unlinkat(ddir, dname, 0) < 0 &&
	    errno != ENOENT) {
		cb_warn("cannot remove %s", cb_quote(dpath));
		return (-1);
	}
	if ((fd = openat(ddir, dname, fl | O_CREAT | O_EXCL, mode)) >= 0 ||
	    errno != EEXIST)
		goto out;
	if ((r = check_existing(cp, ss, ddir, dname, spath, dpath)) <= 0)
		return (r == 0 ? -2 : -1);
	if ((fd = openat(ddir, dname, fl | O_TRUNC)) < 0 && cp->force &&
	    unlinkat(ddir, dname, 0) == 0)
		fd = openat(ddir, dname, fl | O_CREAT | O_EXCL, mode);
out:
	if (fd < 0) {
		struct stat ls;
		int e = errno, se = 0;

		if (fstatat(ddir, dname, &ls, AT_SYMLINK_NOFOLLOW) < 0)
			se = errno;
		if (se != 0 && se != ENOENT) {
			/* GNU looks the destination up first, and says so. */
			errno = se;
			cb_warn("cannot stat %s", cb_quote(dpath));
		} else if (e == ENOENT && se == 0 && S_ISLNK(ls.st_mode)) {
			/* GNU creates no file through a symlink to nowhere. */
			cb_warnx("not writing through dangling symlink %s",
			    cb_quote(dpath));
		} else {
			errno = e;
			cb_warn("cannot create regular file %s",
			    cb_quote(dpath));
		}
	}
	return (fd);
}

static int
copy_data(struct cb_cp *cp, int dfd, int sfd, off_t size, const char *spath,
    const char *dpath)
{
	bool werr = false;

	if (cb_copy_data(dfd, sfd, size, &werr) < 0) {
		if (werr)
			cb_warn("error writing %s", cb_quote(dpath));
		else
			cb_warn("error reading %s", cb_quote(spath));
		return (1);
	}
	if (cp->fsync && fsync(dfd) < 0) {
		cb_warn("error writing %s", cb_quote(dpath));
		return (1);
	}
	return (0);
}

/* A hard link to a file already copied, for --preserve=links. */
static int
copy_as_link(struct job *j, const struct stat *st, int ddir,
    const char *dname, const char *spath, const char *dpath)
{
	struct lnk *e;
	char *rel;

	if (!j->cp->plinks || st->st_nlink < 2)
		return (-1);
	if ((e = link_find(j->cp->links, st)) != NULL && e->rel != NULL) {
		(void)unlinkat(ddir, dname, 0);
		if (linkat(j->ddir, e->rel, ddir, dname, 0) == 0) {
			if (j->cp->verbose)
				verbose(spath, dpath);
			return (0);
		}
		cb_warn("cannot create hard link %s to %s",
		    cb_quote_n(1, dpath), cb_quote_n(2, e->rel));
		return (1);
	}
	if (j->cp->links == NULL)
		j->cp->links = calloc(1, sizeof(*j->cp->links));
	if (j->cp->links != NULL && (rel = rel_path(j, spath)) != NULL) {
		link_add(j->cp->links, st, rel);
		free(rel);
	}
	return (-1);
}

static int
copy_reg(struct job *j, int sdir, const char *sname, const char *spath,
    int ddir, const char *dname, const char *dpath, bool follow)
{
	struct stat st;
	int sfd, dfd, r;

	/* A followed operand is already open for reading (cb_path_follow). */
	if (sname == NULL)
		sfd = fcntl(sdir, F_DUPFD_CLOEXEC, 0);
	else
		sfd = openat(sdir, sname, O_RDONLY | O_CLOEXEC | O_NOCTTY |
		    (follow ? 0 : O_NOFOLLOW));
	if (sfd < 0) {
		/* A link to nowhere: GNU's stat of it comes first. */
		cb_warn(errno == ENOENT || errno == ELOOP ? "cannot stat %s" :
		    "cannot open %s for reading", cb_quote(spath));
		return (1);
	}
	if (fstat(sfd, &st) < 0) {
		cb_warn("cannot fstat %s", cb_quote(spath));
		(void)close(sfd);
		return (1);
	}
	if ((r = copy_as_link(j, &st, ddir, dname, spath, dpath)) >= 0) {
		(void)close(sfd);
		return (r);
	}
	if ((dfd = open_dest(j->cp, &st, ddir, dname, spath, dpath)) < 0) {
		(void)close(sfd);
		return (dfd == -2 ? 0 : 1);
	}
	r = copy_data(j->cp, dfd, sfd, S_ISREG(st.st_mode) ? st.st_size : -1,
	    spath, dpath);
	if (r == 0)
		r = preserve(j->cp, dfd, ddir, dname, &st, dpath);
	if (close(dfd) < 0 && r == 0) {
		cb_warn("failed to close %s", cb_quote(dpath));
		r = 1;
	}
	(void)close(sfd);
	if (r == 0 && j->cp->verbose)
		verbose(spath, dpath);
	return (r);
}

/* Symbolic links, fifos, devices, sockets. */
static int
copy_special(struct job *j, int sdir, const char *sname, const char *spath,
    int ddir, const char *dname, const char *dpath)
{
	struct stat st;
	char buf[PATH_MAX + 1];
	ssize_t n;
	int r, tries;

	if (fstatat(sdir, sname, &st, AT_SYMLINK_NOFOLLOW) < 0) {
		cb_warn("cannot stat %s", cb_quote(spath));
		return (1);
	}
	if (S_ISLNK(st.st_mode) &&
	    (n = readlinkat(sdir, sname, buf, sizeof(buf) - 1)) < 0) {
		cb_warn("cannot read symbolic link %s", cb_quote(spath));
		return (1);
	} else if (S_ISLNK(st.st_mode))
		buf[n] = '\0';
	for (tries = 0; tries < 2; tries++) {
		if (S_ISLNK(st.st_mode))
			r = symlinkat(buf, ddir, dname);
		else
			r = mknodat(ddir, dname, st.st_mode & (S_IFMT | 07777),
			    st.st_rdev);
		if (r == 0 || errno != EEXIST || tries > 0)
			break;
		if ((r = check_existing(j->cp, &st, ddir, dname, spath,
		    dpath)) <= 0)
			return (r == 0 ? 0 : 1);
		if (unlinkat(ddir, dname, 0) < 0)
			break;
	}
	if (r < 0) {
		cb_warn(S_ISLNK(st.st_mode) ? "cannot create symbolic link %s" :
		    "cannot create special file %s", cb_quote(dpath));
		return (1);
	}
	if (j->cp->verbose)
		verbose(spath, dpath);
	return (preserve(j->cp, -1, ddir, dname, &st, dpath));
}

static bool
is_ancestor(const struct cb_cp *cp, const struct stat *st)
{
	size_t i;

	for (i = 0; i < cp->nanc; i++)
		if (cp->anc_dev[i] == st->st_dev && cp->anc_ino[i] == st->st_ino)
			return (true);
	return (false);
}

static int
dir_pre(struct job *j, struct cb_node *n)
{
	struct stat st, ds;
	const char *dname, *dpath = dest_path(j, n->path);
	int ddir;

	dest_of(j, n, &ddir, &dname);
	if (fstat(n->fd, &st) < 0) {
		cb_warn("cannot stat %s", cb_quote(n->path));
		return (CB_SKIP);
	}
	/* The copy itself, met while copying a directory into itself. */
	if (j->made && st.st_dev == j->newdev && st.st_ino == j->newino)
		return (CB_SKIP);
	if (n->depth == 0 && is_ancestor(j->cp, &st)) {
		cb_warnx("cannot copy a directory, %s, into itself, %s",
		    cb_quote_n(1, n->path), cb_quote_n(2, dpath));
		j->rval = 1;
	}
	if (mkdirat(ddir, dname, (st.st_mode & 07777) | S_IRWXU) == 0) {
		if (j->cp->verbose)
			verbose(n->path, dpath);
	} else if (errno != EEXIST || fstatat(ddir, dname, &ds, 0) < 0 ||
	    !S_ISDIR(ds.st_mode)) {
		if (errno == EEXIST)
			cb_warnx("cannot overwrite non-directory %s with "
			    "directory %s", cb_quote_n(1, dpath),
			    cb_quote_n(2, n->path));
		else
			cb_warn("cannot create directory %s", cb_quote(dpath));
		j->rval = 1;
		return (CB_SKIP);
	} else if (cb_same_inode(&st, &ds)) {
		cb_warnx("cannot copy a directory, %s, into itself, %s",
		    cb_quote_n(1, n->path), cb_quote_n(2, dpath));
		j->rval = 1;
		return (CB_SKIP);
	}
	n->ufd = openat(ddir, dname, O_PATH | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (n->ufd < 0) {
		cb_warn("cannot access %s", cb_quote(dpath));
		j->rval = 1;
		return (CB_SKIP);
	}
	if (n->depth == 0 && fstat(n->ufd, &ds) == 0) {
		j->made = true;
		j->newdev = ds.st_dev;
		j->newino = ds.st_ino;
	}
	return (CB_CONTINUE);
}

/* After the entries: the directory's own mode (and -p's attributes). */
static void
dir_post(struct job *j, struct cb_node *n)
{
	struct stat st;
	const char *dname;
	int ddir;

	dest_of(j, n, &ddir, &dname);
	if (n->ufd >= 0)
		(void)close(n->ufd);
	n->ufd = -1;
	if (fstat(n->fd, &st) < 0)
		return;
	if (j->cp->pmode || j->cp->powner || j->cp->ptimes)
		j->rval |= preserve(j->cp, -1, ddir, dname, &st,
		    dest_path(j, n->path));
	else if ((st.st_mode & S_IRWXU) != S_IRWXU &&
	    fchmodat(ddir, dname, st.st_mode & 07777 & ~j->cp->umask_, 0) < 0)
		j->rval = 1;
}

static int
visit(struct cb_walk *w, enum cb_visit v, struct cb_node *n)
{
	struct job *j = w->arg;
	const char *dname;
	int ddir;

	switch (v) {
	case CB_PRE:
		if (!j->cp->recursive) {
			cb_warnx("-r not specified; omitting directory %s",
			    cb_quote(n->path));
			j->rval = 1;
			return (CB_SKIP);
		}
		return (dir_pre(j, n));
	case CB_POST:
		dir_post(j, n);
		return (CB_CONTINUE);
	case CB_LEAF:
		dest_of(j, n, &ddir, &dname);
		if (n->type == DT_REG || (n->type == DT_LNK &&
		    (j->cp->deref == CB_DEREF_ALWAYS || (n->depth == 0 &&
		    j->cp->deref == CB_DEREF_ARGS))))
			j->rval |= copy_reg(j, n->dirfd, n->name, n->path, ddir,
			    dname, dest_path(j, n->path), true);
		else
			j->rval |= copy_special(j, n->dirfd, n->name, n->path,
			    ddir, dname, dest_path(j, n->path));
		return (CB_CONTINUE);
	case CB_ERR:
		errno = n->err;
		if (n->depth == 0 && n->type != DT_DIR)
			cb_warn("cannot stat %s", cb_quote(n->path));
		else
			cb_warn("cannot access %s", cb_quote(n->path));
		j->rval = 1;
		return (CB_CONTINUE);
	}
	return (CB_CONTINUE);
}

int
cb_cp_copy(struct cb_cp *cp, int sdir, const char *sname, const char *spath,
    int ddir, const char *dname, const char *dpath)
{
	struct job j = { .cp = cp, .ddir = ddir, .dname = dname,
	    .dpath = dpath, .slen = strlen(spath) };
	struct cb_walk w = { .visit = visit, .arg = &j };

	if (cp->deref == CB_DEREF_ALWAYS)
		w.flags |= CB_WALK_FOLLOW;
	else if (cp->deref == CB_DEREF_ARGS)
		w.flags |= CB_WALK_FOLLOW_ROOT;
	if (cp->xdev)
		w.flags |= CB_WALK_XDEV;
	w.flags |= CB_WALK_SORT_INO;
	(void)cb_walk(&w, sdir, sname, spath);
	free(j.dbuf);
	return (j.rval);
}

void
cb_cp_ancestors(struct cb_cp *cp, int dirfd)
{
	struct stat st;
	int fd = dirfd, up;
	size_t cap = 0;

	for (;;) {
		if (fstat(fd, &st) < 0)
			break;
		if (cp->nanc > 0 && cp->anc_dev[cp->nanc - 1] == st.st_dev &&
		    cp->anc_ino[cp->nanc - 1] == st.st_ino)
			break;	/* "/" is its own parent */
		if (cp->nanc == cap) {
			cap = cap ? cap * 2 : 32;
			cp->anc_dev = realloc(cp->anc_dev, cap * sizeof(dev_t));
			cp->anc_ino = realloc(cp->anc_ino, cap * sizeof(ino_t));
			if (cp->anc_dev == NULL || cp->anc_ino == NULL)
				cb_err(1, "realloc");
		}
		cp->anc_dev[cp->nanc] = st.st_dev;
		cp->anc_ino[cp->nanc++] = st.st_ino;
		up = openat(fd, "..", O_PATH | O_DIRECTORY | O_CLOEXEC);
		if (fd != dirfd)
			(void)close(fd);
		if ((fd = up) < 0)
			return;
	}
	if (fd != dirfd)
		(void)close(fd);
}

void
cb_cp_rights(const struct cb_cp *cp, cap_rights_t *src, cap_rights_t *dst)
{
	cb_rights_walk(src);
	cap_rights_set(src, CAP_PREAD);
	cap_rights_init(dst, CAP_LOOKUP, CAP_CREATE, CAP_WRITE, CAP_SEEK,
	    CAP_FTRUNCATE, CAP_FSTAT, CAP_FSTATAT, CAP_MKDIRAT, CAP_SYMLINKAT,
	    CAP_MKFIFOAT, CAP_MKNODAT, CAP_FCHMODAT, CAP_FCHOWNAT,
	    CAP_FUTIMESAT, CAP_FCNTL, CAP_LINKAT_SOURCE, CAP_LINKAT_TARGET);
	/* Replacing a link, a special file or (-f) a file removes it first. */
	cap_rights_set(dst, CAP_UNLINKAT);
	if (cp->fsync)
		cap_rights_set(dst, CAP_FSYNC);
}

/* ---- the cp command ---- */

static struct {
	struct cb_cp	cp;
	const char	*tdir;
	bool		notarget, derefset;
} opt;

static void
preserve_list(const char *s, bool on)
{
	char *dup, *w, *save = NULL;

	if (s == NULL)
		s = "mode,ownership,timestamps";
	if ((dup = strdup(s)) == NULL)
		cb_err(1, "strdup");
	for (w = strtok_r(dup, ",", &save); w != NULL;
	    w = strtok_r(NULL, ",", &save)) {
		if (strcmp(w, "mode") == 0)
			opt.cp.pmode = on;
		else if (strcmp(w, "ownership") == 0)
			opt.cp.powner = on;
		else if (strcmp(w, "timestamps") == 0)
			opt.cp.ptimes = on;
		else if (strcmp(w, "links") == 0)
			opt.cp.plinks = on;
		else if (strcmp(w, "all") == 0)
			opt.cp.pmode = opt.cp.powner = opt.cp.ptimes =
			    opt.cp.plinks = on;
		else if (strcmp(w, "context") == 0 || strcmp(w, "xattr") == 0)
			cb_unsupported(on ? "--preserve" : "--no-preserve");
		else {
			cb_warnx("invalid argument %s for '--%spreserve'",
			    cb_quote(w), on ? "" : "no-");
			cb_usage();
		}
	}
	free(dup);
}

static void
parse(int argc, char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			opt.cp.recursive = true;
			opt.cp.deref = CB_DEREF_NEVER;
			opt.derefset = true;
			preserve_list("all", true);
			break;
		case 'd':
			opt.cp.deref = CB_DEREF_NEVER;
			opt.derefset = true;
			opt.cp.plinks = true;
			break;
		case 'f':
			opt.cp.force = true;
			break;
		case 'i':
			opt.cp.interactive = true;
			opt.cp.noclobber = false;
			break;
		case 'H':
			opt.cp.deref = CB_DEREF_ARGS;
			opt.derefset = true;
			break;
		case 'L':
			opt.cp.deref = CB_DEREF_ALWAYS;
			opt.derefset = true;
			break;
		case 'n':
			opt.cp.noclobber = true;
			opt.cp.interactive = false;
			break;
		case 'P':
			opt.cp.deref = CB_DEREF_NEVER;
			opt.derefset = true;
			break;
		case 'p':
			preserve_list(NULL, true);
			break;
		case OPT_PRESERVE:
			preserve_list(optarg, true);
			break;
		case OPT_NOPRESERVE:
			preserve_list(optarg, false);
			break;
		case 'r':
		case 'R':
			opt.cp.recursive = true;
			break;
		case OPT_REMOVE:
			opt.cp.remove_first = true;
			break;
		case 't':
			opt.tdir = optarg;
			break;
		case 'T':
			opt.notarget = true;
			break;
		case 'v':
			opt.cp.verbose = true;
			break;
		case 'x':
			opt.cp.xdev = true;
			break;
		case OPT_REFLINK:
			if (optarg != NULL && strcmp(optarg, "auto") != 0)
				cb_unsupported("--reflink");
			break;	/* copy_file_range shares extents where it can */
		case 'l':
			cb_unsupported("--link");
		case 's':
			cb_unsupported("--symbolic-link");
		case 'u':
			cb_unsupported("--update");
		case 'b':
			cb_unsupported("--backup");
		case 'S':
			cb_unsupported("--suffix");
		case 'Z':
			cb_unsupported("--context");
		case OPT_SPARSE:
			cb_unsupported("--sparse");
		case OPT_PARENTS:
			cb_unsupported("--parents");
		case OPT_ATTRONLY:
			cb_unsupported("--attributes-only");
		case OPT_STRIP:
			cb_unsupported("--strip-trailing-slashes");
		default:
			cb_usage();
		}
	}
	/* Without -r, symlinks are followed; with it, copied as links. */
	if (!opt.derefset)
		opt.cp.deref = opt.cp.recursive ? CB_DEREF_NEVER :
		    CB_DEREF_ALWAYS;
	opt.cp.umask_ = umask(0);
	(void)umask(opt.cp.umask_);
}

/* Is arg an existing directory (following symlinks)? */
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

static const char *
last_name(const char *s, char **freeme)
{
	size_t len = strlen(s);
	const char *p;

	while (len > 1 && s[len - 1] == '/')
		len--;
	for (p = s + len; p > s && p[-1] != '/'; p--)
		;
	*freeme = strndup(p, (size_t)(s + len - p));
	return (*freeme != NULL ? *freeme : s);
}

/* cp SRC /dev/fd/N: write into an inherited descriptor. */
static int
copy_to_fd(struct cb_path *s, int dfd, const char *dpath)
{
	struct stat st;
	int sfd, r;

	if (fstat(dfd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (lseek(dfd, 0, SEEK_SET) < 0 || ftruncate(dfd, 0) < 0)) {
		cb_warn("cannot truncate %s", cb_quote(dpath));
		return (1);
	}
	sfd = s->name == NULL ? fcntl(s->dirfd, F_DUPFD_CLOEXEC, 0) :
	    openat(s->dirfd, s->name, O_RDONLY | O_CLOEXEC);
	if (sfd < 0) {
		cb_warn("cannot open %s for reading", cb_quote(s->arg));
		return (1);
	}
	r = copy_data(&opt.cp, dfd, sfd, -1, s->arg, dpath);
	(void)close(sfd);
	if (r == 0 && opt.cp.verbose)
		verbose(s->arg, dpath);
	return (r);
}

int
cp_main(int argc, char *argv[])
{
	struct cb_path *src, dst;
	cap_rights_t rs, rd;
	char **names, *fm;
	const char *dir = NULL;
	int i, n, rval = 0, dfd = -1;

	parse(argc, argv);
	cb_fs_stdio(argv + optind, argc - optind);
	names = argv + optind;
	n = argc - optind;
	if (opt.tdir != NULL && opt.notarget)
		cb_errx(1, "cannot combine --target-directory (-t) and "
		    "--no-target-directory (-T)");
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
	} else if ((dfd = cb_devfd(names[1])) < 0)
		(void)cb_path_open(&dst, names[1], CB_DIR_PATH);
	if (dfd < 0 && dst.dirfd >= 0)
		cb_cp_ancestors(&opt.cp, dst.dirfd);
	if ((src = calloc((size_t)n, sizeof(*src))) == NULL)
		cb_err(1, "calloc");
	cb_cp_rights(&opt.cp, &rs, &rd);
	if (cb_paths_open(src, n, names, CB_DIR_PATH |
	    (opt.cp.deref != CB_DEREF_NEVER ? CB_FOLLOW : 0), &rs) < 0 ||
	    (dfd < 0 && cb_path_limit(&dst, &rd) < 0))
		cb_err(1, "cap_rights_limit");
	cb_enter();
	for (i = 0; i < n; i++) {
		if (src[i].dirfd < 0) {
			errno = src[i].err;
			cb_warn("cannot stat %s", cb_quote(src[i].arg));
			rval = 1;
		} else if (dfd >= 0)
			rval |= copy_to_fd(&src[i], dfd, names[1]);
		else if (dst.dirfd < 0) {
			/*
			 * GNU looks the destination up first: only a missing
			 * one goes on to "cannot create".
			 */
			errno = dst.err;
			cb_warn(dst.err == ENOENT ?
			    "cannot create regular file %s" : "cannot stat %s",
			    cb_quote(names[1]));
			rval = 1;
		} else if (dir != NULL) {
			const char *b = last_name(src[i].arg, &fm);
			char *dpath;

			if (asprintf(&dpath, "%s%s%s", dir,
			    dir[strlen(dir) - 1] == '/' ? "" : "/", b) < 0)
				cb_err(1, "asprintf");
			rval |= cb_cp_copy(&opt.cp, src[i].dirfd, src[i].name,
			    src[i].arg, dst.dirfd, b, dpath);
			free(dpath);
			free(fm);
		} else
			rval |= cb_cp_copy(&opt.cp, src[i].dirfd, src[i].name,
			    src[i].arg, dst.dirfd, dst.name, names[1]);
	}
	cb_paths_close(src, n);
	free(src);
	return (cb_finish(rval));
}
