/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * shim.h - shared by the interposer files of libcap_mode_preload.so
 *
 * The shim links its own copy of libcap_mode whose path functions were
 * renamed cmlib_* (see preload/build.mk): the shim exports openat,
 * fstatat, ... itself, maps AT_FDCWD and absolute paths onto a pre-opened
 * descriptor, and then calls the library's version, which resolves beneath
 * that descriptor and checks its rights.
 */
#ifndef PRELOAD_SHIM_H
#define PRELOAD_SHIM_H

#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <sys/capsicum.h>

#include "pathmap.h"

#define SHIM_EXPORT	__attribute__((visibility("default")))

int	cmlib_openat(int, const char *, int, ...);
int	cmlib_fstatat(int, const char *, struct stat *, int);
int	cmlib_statx(int, const char *, int, unsigned int, struct statx *);
int	cmlib_faccessat(int, const char *, int, int);
ssize_t	cmlib_readlinkat(int, const char *, char *, size_t);
int	cmlib_fchmodat(int, const char *, mode_t, int);
int	cmlib_fchownat(int, const char *, uid_t, gid_t, int);
int	cmlib_utimensat(int, const char *, const struct timespec *, int);
int	cmlib_mkdirat(int, const char *, mode_t);
int	cmlib_mknodat(int, const char *, mode_t, dev_t);
int	cmlib_unlinkat(int, const char *, int);
int	cmlib_symlinkat(const char *, int, const char *);
int	cmlib_linkat(int, const char *, int, const char *, int);
int	cmlib_renameat2(int, const char *, int, const char *, unsigned int);
int	cmlib_fchdir(int);
int	cmlib_close(int);
int	cmlib_close_range(unsigned int, unsigned int, int);

/* Does this (dirfd, path) name the global namespace, which we must map? */
static inline int
shim_global(int dirfd, const char *path)
{
	return (path != NULL && (path[0] == '/' || dirfd == AT_FDCWD) &&
	    pm_active());
}

/*
 * Map path for op; on failure explain, set errno and return -1, else 0.
 * A file entry is refused unless file_ok.
 */
int	shim_map(const char *op, const char *path, struct pm_loc *loc,
	    int file_ok);
/*
 * For an *at call: when (*dirfd, *path) names the global namespace, replace
 * them by the pre-opened descriptor and the path beneath it.  A file entry
 * becomes (fd, "") with AT_EMPTY_PATH added to *flags, or is refused when
 * flags is NULL.  0, or -1 with errno set (and the denial explained).
 */
int	shim_at(const char *op, int *dirfd, const char **path,
	    struct pm_loc *loc, int *flags);
/*
 * After a call through a mapped loc failed: when errno is ENOTCAPABLE and
 * following symbolic links through the map leads elsewhere, update the
 * arguments and return true (retry the call once).
 */
bool	shim_refollow(struct pm_loc *loc, int *dirfd, const char **path,
	    int *flags, bool follow_last);
/* After a call: explain a denial (r == -1) and return r unchanged. */
long	shim_done(const char *op, const char *path, long r);

/* open(2) of a mapped location (fcntl.c); also used by stdio and dirent. */
int	shim_open_loc(const char *op, const char *path, struct pm_loc *loc,
	    int flags, mode_t mode);
/* openat(2) with mapping, as exported (fcntl.c). */
int	shim_openat(int dirfd, const char *path, int flags, mode_t mode);

/*
 * exec.c: run path (mapped), in this process or with execveat; returns
 * only on failure.  The _raw form returns -errno and leaves errno alone,
 * for the SIGSYS handler.
 */
int	shim_execve(const char *path, char *const argv[], char *const envp[]);
long	shim_execve_raw(const char *path, char *const argv[],
	    char *const envp[]);

/*
 * uexec.c: start the ELF program on fd in this process, as execve would;
 * returns -errno only on failure (fd is closed on success).
 */
int	shim_uexec(int fd, const char *path, char *const argv[],
	    char *const envp[]);

/* sigsys.c */
int	sigsys_install(void);
int	sigsys_filter(void);

#endif /* !PRELOAD_SHIM_H */
