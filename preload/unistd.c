/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * unistd.c - the path functions of <unistd.h> and <stdio.h>'s rename and
 * remove, and the virtual current directory
 *
 * The kernel's cwd plays no part in capability mode (the seccomp filter
 * refuses AT_FDCWD), so the shim keeps a virtual one: chdir checks that
 * the directory exists beneath a pre-open and records its path, relative
 * paths are joined to it, getcwd returns it.
 */
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "shim.h"

int	eaccess(const char *, int);
int	euidaccess(const char *, int);

SHIM_EXPORT int
faccessat(int dirfd, const char *path, int mode, int flags)
{
	struct pm_loc loc;
	const char *p = path;
	int r;

	if (shim_at("access", &dirfd, &p, &loc, &flags) < 0)
		return (-1);
	if (loc.file && (mode & W_OK) != 0 && loc.e->kind != MF_FILE_RW) {
		errno = EACCES;
		return (-1);
	}
	r = cmlib_faccessat(dirfd, p, mode, flags);
	if (r < 0 && p != path && shim_refollow(&loc, &dirfd, &p, &flags,
	    (flags & AT_SYMLINK_NOFOLLOW) == 0))
		r = cmlib_faccessat(dirfd, p, mode, flags);
	return ((int)shim_done("access", path, r));
}

SHIM_EXPORT int
access(const char *path, int mode)
{
	return (faccessat(AT_FDCWD, path, mode, 0));
}

SHIM_EXPORT int
eaccess(const char *path, int mode)
{
	return (faccessat(AT_FDCWD, path, mode, AT_EACCESS));
}

SHIM_EXPORT int
euidaccess(const char *path, int mode)
{
	return (faccessat(AT_FDCWD, path, mode, AT_EACCESS));
}

SHIM_EXPORT int
unlinkat(int dirfd, const char *path, int flags)
{
	struct pm_loc loc;
	const char *p = path;

	if (shim_at("unlink", &dirfd, &p, &loc, NULL) < 0)
		return (-1);
	return ((int)shim_done("unlink", path, cmlib_unlinkat(dirfd, p,
	    flags)));
}

SHIM_EXPORT int
unlink(const char *path)
{
	return (unlinkat(AT_FDCWD, path, 0));
}

SHIM_EXPORT int
rmdir(const char *path)
{
	return (unlinkat(AT_FDCWD, path, AT_REMOVEDIR));
}

SHIM_EXPORT int
remove(const char *path)
{
	int r = unlinkat(AT_FDCWD, path, 0);

	if (r < 0 && (errno == EISDIR || errno == EPERM))
		r = unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
	return (r);
}

SHIM_EXPORT int
renameat2(int fromfd, const char *from, int tofd, const char *to,
    unsigned int flags)
{
	struct pm_loc lf, lt;
	const char *pf = from, *pt = to;

	if (shim_at("rename", &fromfd, &pf, &lf, NULL) < 0 ||
	    shim_at("rename", &tofd, &pt, &lt, NULL) < 0)
		return (-1);
	return ((int)shim_done("rename", to, cmlib_renameat2(fromfd, pf,
	    tofd, pt, flags)));
}

SHIM_EXPORT int
renameat(int fromfd, const char *from, int tofd, const char *to)
{
	return (renameat2(fromfd, from, tofd, to, 0));
}

SHIM_EXPORT int
rename(const char *from, const char *to)
{
	return (renameat2(AT_FDCWD, from, AT_FDCWD, to, 0));
}

SHIM_EXPORT int
linkat(int fromfd, const char *from, int tofd, const char *to, int flags)
{
	struct pm_loc lf, lt;
	const char *pf = from, *pt = to;

	if (shim_at("link", &fromfd, &pf, &lf, NULL) < 0 ||
	    shim_at("link", &tofd, &pt, &lt, NULL) < 0)
		return (-1);
	return ((int)shim_done("link", to, cmlib_linkat(fromfd, pf, tofd, pt,
	    flags)));
}

SHIM_EXPORT int
link(const char *from, const char *to)
{
	return (linkat(AT_FDCWD, from, AT_FDCWD, to, 0));
}

SHIM_EXPORT int
symlinkat(const char *target, int dirfd, const char *path)
{
	struct pm_loc loc;
	const char *p = path;

	if (shim_at("symlink", &dirfd, &p, &loc, NULL) < 0)
		return (-1);
	return ((int)shim_done("symlink", path, cmlib_symlinkat(target, dirfd,
	    p)));
}

SHIM_EXPORT int
symlink(const char *target, const char *path)
{
	return (symlinkat(target, AT_FDCWD, path));
}

SHIM_EXPORT ssize_t
readlinkat(int dirfd, const char *path, char *buf, size_t len)
{
	struct pm_loc loc;
	const char *p = path;
	int flags = 0;

	if (shim_at("readlink", &dirfd, &p, &loc, &flags) < 0)
		return (-1);
	if (loc.file) {
		errno = EINVAL;		/* a pre-opened file is no symlink */
		return (-1);
	}
	return (shim_done("readlink", path, cmlib_readlinkat(dirfd, p, buf,
	    len)));
}

SHIM_EXPORT ssize_t
readlink(const char *path, char *buf, size_t len)
{
	return (readlinkat(AT_FDCWD, path, buf, len));
}

SHIM_EXPORT int
fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
	struct pm_loc loc;
	const char *p = path;

	if (shim_at("chown", &dirfd, &p, &loc, &flags) < 0)
		return (-1);
	return ((int)shim_done("chown", path, cmlib_fchownat(dirfd, p, uid,
	    gid, flags)));
}

SHIM_EXPORT int
chown(const char *path, uid_t uid, gid_t gid)
{
	return (fchownat(AT_FDCWD, path, uid, gid, 0));
}

SHIM_EXPORT int
lchown(const char *path, uid_t uid, gid_t gid)
{
	return (fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW));
}

SHIM_EXPORT int
truncate(const char *path, off_t len)
{
	int fd, r, e;

	if ((fd = shim_openat(AT_FDCWD, path, O_WRONLY | O_CLOEXEC, 0)) < 0)
		return (-1);
	r = ftruncate(fd, len);
	e = errno;
	(void)close(fd);
	errno = e;
	return (r);
}

SHIM_EXPORT int
truncate64(const char *path, off_t len)
{
	return (truncate(path, len));
}

/* chdir and fchdir are rare: one lock orders the writers of the cwd. */
static pthread_mutex_t cwd_lock = PTHREAD_MUTEX_INITIALIZER;

SHIM_EXPORT int
chdir(const char *path)
{
	struct stat st;
	struct pm_loc loc;
	int r;

	if (!pm_active()) {
		errno = ECAPMODE;
		return (-1);
	}
	if (shim_map("chdir", path, &loc, 0) < 0)
		return (-1);
	if (shim_done("chdir", path, cmlib_fstatat(loc.dirfd, loc.rel, &st,
	    0)) < 0)
		return (-1);
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return (-1);
	}
	pthread_mutex_lock(&cwd_lock);
	r = pm_setcwd(loc.abs);
	pthread_mutex_unlock(&cwd_lock);
	return ((int)pm_ret(r));
}

/*
 * fchdir: the kernel knows the directory, we need its path.  Walk up with
 * ".." (opened for reading, which Landlock allows within the pre-opened
 * trees) until a pre-opened directory is met, naming each step by its
 * inode in the parent's listing.
 */
static int
name_in_parent(int parent, const struct stat *child, char *name, size_t len)
{
	struct stat st;
	char ent[300];
	int dfd;
	DIR *d;
	struct dirent *de;
	int r = -ENOENT;

	if ((dfd = cmlib_openat(parent, ".", O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC)) < 0)
		return (-errno);
	if ((d = fdopendir(dfd)) == NULL) {
		r = -errno;
		(void)close(dfd);
		return (r);
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_ino != child->st_ino || strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		if (cmlib_fstatat(parent, de->d_name, &st, AT_SYMLINK_NOFOLLOW)
		    < 0 || st.st_dev != child->st_dev)
			continue;
		if (snprintf(ent, sizeof(ent), "%s", de->d_name) >= (int)len)
			r = -ENAMETOOLONG;
		else {
			strcpy(name, ent);
			r = 0;
		}
		break;
	}
	(void)closedir(d);
	return (r);
}

static const struct mf_entry *
entry_of(const struct stat *st)
{
	const struct manifest *m = pm_manifest();
	struct stat est;

	for (unsigned int i = 0; i < m->n; i++) {
		if (m->e[i].kind != MF_DIR_RO && m->e[i].kind != MF_DIR_RW)
			continue;
		if (fstat(m->e[i].fd, &est) == 0 && est.st_dev == st->st_dev &&
		    est.st_ino == st->st_ino)
			return (&m->e[i]);
	}
	return (NULL);
}

static int
path_of_dirfd(int fd, char *out, size_t len)
{
	char tail[PATH_MAX] = "", name[256], tmp[PATH_MAX];
	const struct mf_entry *e;
	struct stat st;
	int cur, up, r;

	if ((cur = fcntl(fd, F_DUPFD_CLOEXEC, 0)) < 0)
		return (-errno);
	for (int depth = 0; depth < 256; depth++) {
		if (fstat(cur, &st) < 0)
			break;
		if ((e = entry_of(&st)) != NULL) {
			(void)close(cur);
			r = snprintf(out, len, "%s%s", strcmp(e->path, "/") == 0 &&
			    tail[0] != '\0' ? "" : e->path, tail);
			return (r < 0 || (size_t)r >= len ? -ENAMETOOLONG : 0);
		}
		up = (int)syscall(SYS_openat, cur, "..", O_RDONLY | O_DIRECTORY |
		    O_CLOEXEC);
		if (up < 0 || name_in_parent(up, &st, name, sizeof(name)) < 0) {
			if (up >= 0)
				(void)close(up);
			break;
		}
		if (snprintf(tmp, sizeof(tmp), "/%s%s", name, tail) >=
		    (int)sizeof(tmp)) {
			(void)close(up);
			break;
		}
		strcpy(tail, tmp);
		(void)close(cur);
		cur = up;
	}
	(void)close(cur);
	return (-ENOTCAPABLE);
}

SHIM_EXPORT int
fchdir(int fd)
{
	char path[PATH_MAX];
	int r;

	if (!pm_active())
		return (cmlib_fchdir(fd));
	if ((r = path_of_dirfd(fd, path, sizeof(path))) < 0) {
		pm_explain("fchdir", "(descriptor)", -r);
		return ((int)pm_ret(r));
	}
	pthread_mutex_lock(&cwd_lock);
	r = pm_setcwd(path);
	pthread_mutex_unlock(&cwd_lock);
	return ((int)pm_ret(r));
}

SHIM_EXPORT char *
getcwd(char *buf, size_t size)
{
	const char *cwd;
	size_t l;

	if (!pm_active()) {
		errno = ECAPMODE;
		return (NULL);
	}
	cwd = pm_getcwd();
	l = strlen(cwd);
	if (buf == NULL) {
		if (size == 0)
			return (strdup(cwd));
		if (size <= l) {
			errno = ERANGE;
			return (NULL);
		}
		if ((buf = malloc(size)) == NULL)
			return (NULL);
	} else if (size <= l) {
		errno = size == 0 ? EINVAL : ERANGE;
		return (NULL);
	}
	memcpy(buf, cwd, l + 1);
	return (buf);
}

SHIM_EXPORT char *
get_current_dir_name(void)
{
	return (getcwd(NULL, 0));
}
