/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * stat.c - the path functions of <sys/stat.h> and <sys/statfs.h>
 *
 * glibc before 2.33 compiled stat() into calls to __xstat(); programs
 * built then still call those, so both spellings are interposed.
 */
#include <sys/statfs.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>

#include "shim.h"

int	__xstat(int, const char *, struct stat *);
int	__lxstat(int, const char *, struct stat *);
int	__fxstatat(int, int, const char *, struct stat *, int);
int	__xstat64(int, const char *, struct stat64 *);
int	__lxstat64(int, const char *, struct stat64 *);
int	__fxstatat64(int, int, const char *, struct stat64 *, int);
int	__xmknod(int, const char *, mode_t, dev_t *);
int	__xmknodat(int, int, const char *, mode_t, dev_t *);
int	lchmod(const char *, mode_t);

SHIM_EXPORT int
fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	struct pm_loc loc;
	const char *p = path;

	int r;

	if (shim_at("stat", &dirfd, &p, &loc, &flags) < 0)
		return (-1);
	r = cmlib_fstatat(dirfd, p, st, flags);
	if (r < 0 && p != path && shim_refollow(&loc, &dirfd, &p, &flags,
	    (flags & AT_SYMLINK_NOFOLLOW) == 0))
		r = cmlib_fstatat(dirfd, p, st, flags);
	return ((int)shim_done("stat", path, r));
}

SHIM_EXPORT int
fstatat64(int dirfd, const char *path, struct stat64 *st, int flags)
{
	return (fstatat(dirfd, path, (struct stat *)st, flags));
}

SHIM_EXPORT int
stat(const char *path, struct stat *st)
{
	return (fstatat(AT_FDCWD, path, st, 0));
}

SHIM_EXPORT int
stat64(const char *path, struct stat64 *st)
{
	return (fstatat(AT_FDCWD, path, (struct stat *)st, 0));
}

SHIM_EXPORT int
lstat(const char *path, struct stat *st)
{
	return (fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW));
}

SHIM_EXPORT int
lstat64(const char *path, struct stat64 *st)
{
	return (fstatat(AT_FDCWD, path, (struct stat *)st,
	    AT_SYMLINK_NOFOLLOW));
}

SHIM_EXPORT int
__xstat(int ver, const char *path, struct stat *st)
{
	return (fstatat(AT_FDCWD, path, st, 0));
}

SHIM_EXPORT int
__lxstat(int ver, const char *path, struct stat *st)
{
	return (fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW));
}

SHIM_EXPORT int
__fxstatat(int ver, int dirfd, const char *path, struct stat *st, int flags)
{
	return (fstatat(dirfd, path, st, flags));
}

SHIM_EXPORT int
__xstat64(int ver, const char *path, struct stat64 *st)
{
	return (fstatat(AT_FDCWD, path, (struct stat *)st, 0));
}

SHIM_EXPORT int
__lxstat64(int ver, const char *path, struct stat64 *st)
{
	return (fstatat(AT_FDCWD, path, (struct stat *)st,
	    AT_SYMLINK_NOFOLLOW));
}

SHIM_EXPORT int
__fxstatat64(int ver, int dirfd, const char *path, struct stat64 *st,
    int flags)
{
	return (fstatat(dirfd, path, (struct stat *)st, flags));
}

SHIM_EXPORT int
statx(int dirfd, const char *path, int flags, unsigned int mask,
    struct statx *stx)
{
	struct pm_loc loc;
	const char *p = path;

	int r;

	if (shim_at("stat", &dirfd, &p, &loc, &flags) < 0)
		return (-1);
	r = cmlib_statx(dirfd, p, flags, mask, stx);
	if (r < 0 && p != path && shim_refollow(&loc, &dirfd, &p, &flags,
	    (flags & AT_SYMLINK_NOFOLLOW) == 0))
		r = cmlib_statx(dirfd, p, flags, mask, stx);
	return ((int)shim_done("stat", path, r));
}

SHIM_EXPORT int
statfs(const char *path, struct statfs *st)
{
	int fd, r, e;

	if (!pm_active())
		fd = cmlib_openat(AT_FDCWD, path, O_PATH | O_CLOEXEC);
	else if ((fd = shim_openat(AT_FDCWD, path, O_PATH | O_CLOEXEC, 0)) < 0)
		return (-1);
	if (fd < 0)
		return (-1);
	r = fstatfs(fd, st);
	e = errno;
	(void)close(fd);
	errno = e;
	return (r);
}

SHIM_EXPORT int
statfs64(const char *path, struct statfs64 *st)
{
	return (statfs(path, (struct statfs *)st));
}

SHIM_EXPORT int
mkdirat(int dirfd, const char *path, mode_t mode)
{
	struct pm_loc loc;
	const char *p = path;

	if (shim_at("mkdir", &dirfd, &p, &loc, NULL) < 0)
		return (-1);
	return ((int)shim_done("mkdir", path, cmlib_mkdirat(dirfd, p, mode)));
}

SHIM_EXPORT int
mkdir(const char *path, mode_t mode)
{
	return (mkdirat(AT_FDCWD, path, mode));
}

SHIM_EXPORT int
mknodat(int dirfd, const char *path, mode_t mode, dev_t dev)
{
	struct pm_loc loc;
	const char *p = path;

	if (shim_at("mknod", &dirfd, &p, &loc, NULL) < 0)
		return (-1);
	return ((int)shim_done("mknod", path, cmlib_mknodat(dirfd, p, mode,
	    dev)));
}

SHIM_EXPORT int
mknod(const char *path, mode_t mode, dev_t dev)
{
	return (mknodat(AT_FDCWD, path, mode, dev));
}

SHIM_EXPORT int
__xmknod(int ver, const char *path, mode_t mode, dev_t *dev)
{
	return (mknodat(AT_FDCWD, path, mode, *dev));
}

SHIM_EXPORT int
__xmknodat(int ver, int dirfd, const char *path, mode_t mode, dev_t *dev)
{
	return (mknodat(dirfd, path, mode, *dev));
}

SHIM_EXPORT int
mkfifoat(int dirfd, const char *path, mode_t mode)
{
	return (mknodat(dirfd, path, (mode & 07777) | S_IFIFO, 0));
}

SHIM_EXPORT int
mkfifo(const char *path, mode_t mode)
{
	return (mkfifoat(AT_FDCWD, path, mode));
}

SHIM_EXPORT int
fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	struct pm_loc loc;
	const char *p = path;

	if (shim_at("chmod", &dirfd, &p, &loc, &flags) < 0)
		return (-1);
	return ((int)shim_done("chmod", path, cmlib_fchmodat(dirfd, p, mode,
	    flags)));
}

SHIM_EXPORT int
chmod(const char *path, mode_t mode)
{
	return (fchmodat(AT_FDCWD, path, mode, 0));
}

SHIM_EXPORT int
lchmod(const char *path, mode_t mode)
{
	return (fchmodat(AT_FDCWD, path, mode, AT_SYMLINK_NOFOLLOW));
}

SHIM_EXPORT int
utimensat(int dirfd, const char *path, const struct timespec ts[2],
    int flags)
{
	struct pm_loc loc;
	const char *p = path;

	if (shim_at("utime", &dirfd, &p, &loc, &flags) < 0)
		return (-1);
	if (p != NULL && *p == '\0' && loc.file)
		p = NULL;	/* utimensat's spelling of "the descriptor" */
	return ((int)shim_done("utime", path, cmlib_utimensat(dirfd, p, ts,
	    loc.file ? flags & ~AT_EMPTY_PATH : flags)));
}

static int
timeval_utimens(int dirfd, const char *path, const struct timeval tv[2],
    int flags)
{
	struct timespec ts[2];

	if (tv == NULL)
		return (utimensat(dirfd, path, NULL, flags));
	for (int i = 0; i < 2; i++) {
		ts[i].tv_sec = tv[i].tv_sec;
		ts[i].tv_nsec = tv[i].tv_usec * 1000;
	}
	return (utimensat(dirfd, path, ts, flags));
}

SHIM_EXPORT int
utimes(const char *path, const struct timeval tv[2])
{
	return (timeval_utimens(AT_FDCWD, path, tv, 0));
}

SHIM_EXPORT int
lutimes(const char *path, const struct timeval tv[2])
{
	return (timeval_utimens(AT_FDCWD, path, tv, AT_SYMLINK_NOFOLLOW));
}

SHIM_EXPORT int
futimesat(int dirfd, const char *path, const struct timeval tv[2])
{
	return (timeval_utimens(dirfd, path, tv, 0));
}

SHIM_EXPORT int
utime(const char *path, const struct utimbuf *ub)
{
	struct timespec ts[2];

	if (ub == NULL)
		return (utimensat(AT_FDCWD, path, NULL, 0));
	ts[0].tv_sec = ub->actime;
	ts[1].tv_sec = ub->modtime;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	return (utimensat(AT_FDCWD, path, ts, 0));
}
