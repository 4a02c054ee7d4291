/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fcntl.c - open(2) and friends, <fcntl.h>
 *
 * Every way of opening a path by name ends in shim_openat(): a path in the
 * global namespace is mapped onto its pre-opened descriptor and opened
 * beneath it by the library's openat, which also checks the descriptor's
 * rights and gives the new descriptor the same rights.
 */
#include <string.h>
#include <unistd.h>

#include "shim.h"

int
shim_map(const char *op, const char *path, struct pm_loc *loc, int file_ok)
{
	int r = pm_map(path, loc);

	if (r == 0 && loc->file && !file_ok)
		r = -ENOTCAPABLE;
	if (r < 0) {
		pm_explain(op, path, -r);
		errno = -r;
		return (-1);
	}
	return (0);
}

int
shim_at(const char *op, int *dirfd, const char **path, struct pm_loc *loc,
    int *flags)
{
	loc->file = false;
	if (!shim_global(*dirfd, *path))
		return (0);
	if (shim_map(op, *path, loc, flags != NULL) < 0)
		return (-1);
	*dirfd = loc->dirfd;
	*path = loc->rel;
	if (loc->file)
		*flags |= AT_EMPTY_PATH;
	return (0);
}

long
shim_done(const char *op, const char *path, long r)
{
	if (r == -1) {
		int e = errno;

		pm_explain(op, path, e);
		errno = e;
	}
	return (r);
}

static int
has_write_intent(int flags)
{
	return ((flags & O_ACCMODE) != O_RDONLY || (flags & O_TRUNC) != 0);
}

/*
 * A pre-opened regular file has no directory to open it from: hand out a
 * duplicate.  It shares the file offset with the other duplicates, which
 * is the one difference from a fresh open (see caprun(1)).
 */
static int
open_file_entry(const struct pm_loc *loc, int flags)
{
	int fd;

	/*
	 * Above a pre-open: stat only.  EACCES, which programs expect of a
	 * directory they may not list (Python's import skips it).
	 */
	if (loc->e->kind == MF_ANCESTOR && (flags & O_PATH) == 0)
		return (-EACCES);
	if ((flags & O_DIRECTORY) != 0 && loc->e->kind != MF_ANCESTOR)
		return (-ENOTDIR);
	if ((flags & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return (-EEXIST);
	if (has_write_intent(flags) && loc->e->kind != MF_FILE_RW)
		return (-ENOTCAPABLE);
	fd = fcntl(loc->dirfd, (flags & O_CLOEXEC) != 0 ? F_DUPFD_CLOEXEC :
	    F_DUPFD, 0);
	if (fd < 0)
		return (-errno);
	if (((flags & O_TRUNC) != 0 && ftruncate(fd, 0) < 0) ||
	    ((flags & O_APPEND) == 0 && lseek(fd, 0, SEEK_SET) < 0 &&
	    errno != ESPIPE)) {
		int e = errno;

		(void)close(fd);
		return (-e);
	}
	return (fd);
}

static long
open_once(struct pm_loc *loc, int flags, mode_t mode)
{
	int fd;

	if (loc->file)
		return (open_file_entry(loc, flags));
	fd = cmlib_openat(loc->dirfd, loc->rel, flags, mode);
	return (fd < 0 ? -errno : fd);
}

int
shim_open_loc(const char *op, const char *path, struct pm_loc *loc,
    int flags, mode_t mode)
{
	long r = open_once(loc, flags, mode);

	/* A link out of the pre-open: follow it through the map. */
	if (r == -ENOTCAPABLE && pm_follow(loc, (flags & O_NOFOLLOW) == 0) == 0)
		r = open_once(loc, flags, mode);
	if (r < 0)
		pm_explain(op, path, (int)-r);
	return ((int)pm_ret(r));
}

bool
shim_refollow(struct pm_loc *loc, int *dirfd, const char **path, int *flags,
    bool follow_last)
{
	int saved = errno;

	if (saved != ENOTCAPABLE || pm_follow(loc, follow_last) != 0) {
		errno = saved;
		return (false);
	}
	*dirfd = loc->dirfd;
	*path = loc->rel;
	if (loc->file && flags != NULL)
		*flags |= AT_EMPTY_PATH;
	return (true);
}

int
shim_openat(int dirfd, const char *path, int flags, mode_t mode)
{
	struct pm_loc loc;

	if (!shim_global(dirfd, path))
		return (cmlib_openat(dirfd, path, flags, mode));
	if (shim_map("open", path, &loc, 1) < 0)
		return (-1);
	return (shim_open_loc("open", path, &loc, flags, mode));
}

static mode_t
mode_arg(int flags, va_list ap)
{
	if ((flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE)
		return ((mode_t)va_arg(ap, int));
	return (0);
}

#define OPEN_BODY(dirfd, path, flags)					\
	do {								\
		va_list ap;						\
		mode_t mode;						\
									\
		va_start(ap, flags);					\
		mode = mode_arg(flags, ap);				\
		va_end(ap);						\
		return (shim_openat((dirfd), (path), (flags), mode));	\
	} while (0)

SHIM_EXPORT int
open(const char *path, int flags, ...)
{
	OPEN_BODY(AT_FDCWD, path, flags);
}

SHIM_EXPORT int
open64(const char *path, int flags, ...)
{
	OPEN_BODY(AT_FDCWD, path, flags);
}

SHIM_EXPORT int
openat(int dirfd, const char *path, int flags, ...)
{
	OPEN_BODY(dirfd, path, flags);
}

SHIM_EXPORT int
openat64(int dirfd, const char *path, int flags, ...)
{
	OPEN_BODY(dirfd, path, flags);
}

/* _FORTIFY_SOURCE's variants, called when the flags have no O_CREAT. */
int	__open_2(const char *, int);
int	__open64_2(const char *, int);
int	__openat_2(int, const char *, int);
int	__openat64_2(int, const char *, int);

SHIM_EXPORT int
__open_2(const char *path, int flags)
{
	return (shim_openat(AT_FDCWD, path, flags, 0));
}

SHIM_EXPORT int
__open64_2(const char *path, int flags)
{
	return (shim_openat(AT_FDCWD, path, flags, 0));
}

SHIM_EXPORT int
__openat_2(int dirfd, const char *path, int flags)
{
	return (shim_openat(dirfd, path, flags, 0));
}

SHIM_EXPORT int
__openat64_2(int dirfd, const char *path, int flags)
{
	return (shim_openat(dirfd, path, flags, 0));
}

SHIM_EXPORT int
creat(const char *path, mode_t mode)
{
	return (shim_openat(AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC,
	    mode));
}

SHIM_EXPORT int
creat64(const char *path, mode_t mode)
{
	return (creat(path, mode));
}
