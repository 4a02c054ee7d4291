/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * at.c - the *at calls other than openat, beneath their directory
 *
 * When a lookup is strict (capability mode, a limited dirfd), the path's
 * parent directory is first opened beneath dirfd with the one resolver,
 * then the call is made on (parent, last component), where the last
 * component has no slash and is not "..", and the kernel is never left to
 * follow a symlink: one at the end is read and followed here, beneath
 * dirfd, when the call follows links.
 *   - fstatat, statx, faccessat and readlinkat look at (parent, last);
 *   - fchmodat, fchownat and utimensat open the object (Landlock checks
 *     that open) and change it with fchmod, fchown or futimens: the filter
 *     lets no path reach a call that changes attributes;
 *   - mkdirat, unlinkat, symlinkat, mknodat, linkat and renameat act on
 *     (parent, last).
 * Otherwise the call goes straight to the kernel.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"
#include "sys.h"

/* Referenced from rights_limit.c so static links always take this file. */
CM_HIDDEN const char cm_anchor_at = 0;


#ifndef __GLIBC__
int	renameat2(int, const char *, int, const char *, unsigned int);
#endif

/*
 * glibc declares some path arguments nonnull that the kernel accepts as
 * NULL (utimensat); hide the pointer from the optimiser before testing it.
 */
static inline const char *
opaque(const char *p)
{
	__asm__("" : "+r"(p));
	return (p);
}

static int
strict_or_cwd(int dirfd)
{
	if (dirfd == AT_FDCWD)
		return (cm_capmode ? -ECAPMODE : 0);
	return (cm_lookup_is_strict(dirfd) ? 1 : 0);
}

/*
 * Split path into a parent, opened beneath dirfd (or dirfd itself,
 * *own = false), and its last component copied into last.  A last
 * component ".." is folded into the parent: the directory path names is
 * opened and last is ".".
 */
static int
parent_fd(int dirfd, const char *path, char last[CM_NAME_MAX + 1], bool *own)
{
	char dir[PATH_MAX];
	size_t len;
	path = opaque(path);
	len = path == NULL ? 0 : strlen(path);
	const char *slash;
	int fd;

	*own = false;
	if (len == 0)
		return (-ENOENT);
	if (len >= sizeof(dir))
		return (-ENAMETOOLONG);
	if (path[0] == '/')
		return (-ENOTCAPABLE);
	while (len > 1 && path[len - 1] == '/')
		len--;
	for (slash = path + len; slash > path && slash[-1] != '/'; slash--)
		;
	if ((size_t)(path + len - slash) > CM_NAME_MAX)
		return (-ENAMETOOLONG);
	memcpy(last, slash, (size_t)(path + len - slash));
	last[path + len - slash] = '\0';
	if (strcmp(last, "..") == 0) {
		memcpy(dir, path, len);
		dir[len] = '\0';
		strcpy(last, ".");
	} else if (slash == path) {
		return (dirfd);
	} else {
		memcpy(dir, path, (size_t)(slash - path));
		dir[slash - path] = '\0';
	}
	fd = cm_openat_beneath(dirfd, dir, O_PATH | O_DIRECTORY | O_CLOEXEC, 0,
	    CM_BENEATH);
	if (fd >= 0)
		*own = true;
	return (fd);
}

/*
 * The object path names beneath dirfd, as parent_fd gives it; when follow
 * is set and the last component is a symlink, its target is resolved in
 * turn, beneath dirfd, up to the kernel's limit of 40 links.
 */
CM_HIDDEN int
cm_locate(int dirfd, const char *path, bool follow,
    char last[CM_NAME_MAX + 1], bool *own)
{
	char buf[PATH_MAX], target[PATH_MAX];
	const char *p = path;

	for (int links = 0; links <= 40; links++) {
		int pfd = parent_fd(dirfd, p, last, own);
		size_t dl;
		long n;

		if (pfd < 0 || !follow)
			return (pfd);
		n = cm_sc4(SYS_readlinkat, pfd, last, target,
		    sizeof(target) - 1);
		if (n < 0)
			return (pfd);		/* not a symlink */
		target[n] = '\0';
		if (*own)
			cm_close(pfd);
		/* The directory part of p, then the link's target. */
		dl = strlen(p);
		while (dl > 0 && p[dl - 1] == '/')
			dl--;
		while (dl > 0 && p[dl - 1] != '/')
			dl--;
		if (target[0] == '/')
			return (-ENOTCAPABLE);
		if (dl + (size_t)n >= sizeof(buf))
			return (-ENAMETOOLONG);
		memmove(buf, p, dl);
		memcpy(buf + dl, target, (size_t)n + 1);
		p = buf;
	}
	return (-ELOOP);
}

/*
 * A descriptor of last in pfd that fchmod, fchown and futimens accept:
 * opened for reading, or else for writing, never following a symlink (the
 * attributes of a symlink itself cannot be changed that way).
 */
CM_HIDDEN int
cm_attr_fd(int pfd, const char *last)
{
	int fl = O_NONBLOCK | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC;
	long fd, w;

	fd = cm_sc4(SYS_openat, pfd, last, O_RDONLY | fl, 0);
	if (fd == -EACCES) {
		w = cm_sc4(SYS_openat, pfd, last, O_WRONLY | fl, 0);
		if (w != -EISDIR)
			fd = w;
	}
	return (fd == -ELOOP ? -EOPNOTSUPP : (int)fd);
}

/*
 * Run call on the object path names: pfd and last are in scope.  A final
 * symlink is followed unless flags has AT_SYMLINK_NOFOLLOW.
 */
#define OBJECT_OP(dirfd, path, flags, call)				\
	do {								\
		char last[CM_NAME_MAX + 1];				\
		bool own;						\
		int pfd = cm_locate((dirfd), (path),			\
		    ((flags) & AT_SYMLINK_NOFOLLOW) == 0, last, &own);	\
		long cm_r_;							\
									\
		if (pfd < 0)						\
			return (cm_ret(pfd));				\
		cm_r_ = (call);						\
		if (own)						\
			cm_close(pfd);					\
		return (cm_ret(cm_r_));					\
	} while (0)

/* Run call on a descriptor fd of the object (attr_fd): fd is in scope. */
#define ATTR_OP(dirfd, path, flags, call)				\
	do {								\
		char last[CM_NAME_MAX + 1];				\
		bool own;						\
		int pfd = cm_locate((dirfd), (path),			\
		    ((flags) & AT_SYMLINK_NOFOLLOW) == 0, last, &own);	\
		int fd;							\
		long cm_r_;							\
									\
		if (pfd < 0)						\
			return ((int)cm_ret(pfd));			\
		fd = cm_attr_fd(pfd, last);				\
		if (own)						\
			cm_close(pfd);					\
		if (fd < 0)						\
			return ((int)cm_ret(fd));			\
		cm_r_ = (call);						\
		cm_close(fd);						\
		return ((int)cm_ret(cm_r_));				\
	} while (0)

#define CHECK_AT(fd, right)						\
	do {								\
		int cm_c_ = cm_check((fd), (right));			\
		if (cm_c_ != 0)						\
			return (cm_ret(cm_c_));				\
	} while (0)

/*
 * One name, no slash, not "..": nothing but a symlink at the end can lead
 * out, so stat without following it; only a symlink that must be followed
 * needs the resolver.  Tree walks (ls, du, find) take this path.
 */
static bool
single_name(const char *path)
{
	return (path[0] != '\0' && strchr(path, '/') == NULL &&
	    strcmp(path, "..") != 0);
}

CM_EXPORT int
fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	int s = strict_or_cwd(dirfd);
	long r;

	if (s < 0)
		return ((int)cm_ret(s));
	if (s == 0)
		return ((int)cm_ret(cm_sc4(SYS_newfstatat, dirfd, path, st,
		    flags)));
	CHECK_AT(dirfd, *opaque(path) == '\0' ? CAP_FSTAT : CAP_FSTATAT);
	if (single_name(path)) {
		r = cm_sc4(SYS_newfstatat, dirfd, path, st,
		    flags | AT_SYMLINK_NOFOLLOW);
		if (r < 0 || (flags & AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISLNK(st->st_mode))
			return ((int)cm_ret(r));
	}
	if (*path == '\0')
		return ((int)cm_ret((flags & AT_EMPTY_PATH) == 0 ? -ENOENT :
		    cm_sc4(SYS_newfstatat, dirfd, "", st, AT_EMPTY_PATH)));
	/* Most names are not symlinks: look first, follow only if one is. */
	{
		char last[CM_NAME_MAX + 1];
		bool own;
		int pfd = cm_locate(dirfd, path, false, last, &own);

		if (pfd < 0)
			return ((int)cm_ret(pfd));
		r = cm_sc4(SYS_newfstatat, pfd, last, st,
		    (flags & AT_NO_AUTOMOUNT) | AT_SYMLINK_NOFOLLOW);
		if (own)
			cm_close(pfd);
		if (r < 0 || (flags & AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISLNK(st->st_mode))
			return ((int)cm_ret(r));
	}
	OBJECT_OP(dirfd, path, flags, cm_sc4(SYS_newfstatat, pfd, last, st,
	    (flags & AT_NO_AUTOMOUNT) | AT_SYMLINK_NOFOLLOW));
}

#ifdef __GLIBC__
CM_EXPORT int
fstatat64(int dirfd, const char *path, struct stat64 *st, int flags)
{
	return (fstatat(dirfd, path, (struct stat *)st, flags));
}

CM_EXPORT int
statx(int dirfd, const char *path, int flags, unsigned int mask,
    struct statx *stx)
{
	int s = strict_or_cwd(dirfd);

	if (s < 0)
		return ((int)cm_ret(s));
	if (s == 0)
		return ((int)cm_ret(cm_sc5(SYS_statx, dirfd, path, flags, mask,
		    stx)));
	CHECK_AT(dirfd, *opaque(path) == '\0' ? CAP_FSTAT : CAP_FSTATAT);
	if (*path == '\0')
		return ((int)cm_ret((flags & AT_EMPTY_PATH) == 0 ? -ENOENT :
		    cm_sc5(SYS_statx, dirfd, "", flags, mask, stx)));
	OBJECT_OP(dirfd, path, flags, cm_sc5(SYS_statx, pfd, last,
	    (flags & ~AT_EMPTY_PATH) | AT_SYMLINK_NOFOLLOW, mask, stx));
}
#endif

CM_EXPORT int
faccessat(int dirfd, const char *path, int mode, int flags)
{
	int s = strict_or_cwd(dirfd);

	if (s < 0)
		return ((int)cm_ret(s));
	if (s == 0)
		return ((int)cm_ret(cm_sc4(CM_NR_faccessat2, dirfd, path, mode,
		    flags)));
	CHECK_AT(dirfd, CAP_FSTATAT);
	if (*path == '\0')
		return ((int)cm_ret((flags & AT_EMPTY_PATH) == 0 ? -ENOENT :
		    cm_sc4(CM_NR_faccessat2, dirfd, "", mode,
		    (flags & AT_EACCESS) | AT_EMPTY_PATH)));
	OBJECT_OP(dirfd, path, flags, cm_sc4(CM_NR_faccessat2, pfd, last, mode,
	    (flags & AT_EACCESS) | AT_SYMLINK_NOFOLLOW));
}

CM_EXPORT ssize_t
readlinkat(int dirfd, const char *path, char *buf, size_t len)
{
	int s = strict_or_cwd(dirfd);

	if (s < 0)
		return (cm_ret(s));
	if (s == 0)
		return (cm_ret(cm_sc4(SYS_readlinkat, dirfd, path, buf, len)));
	CHECK_AT(dirfd, CAP_LOOKUP);
	if (*path == '\0')
		return (cm_ret(cm_sc4(SYS_readlinkat, dirfd, "", buf, len)));
	OBJECT_OP(dirfd, path, AT_SYMLINK_NOFOLLOW, cm_sc4(SYS_readlinkat, pfd,
	    last, buf, len));
}

CM_EXPORT int
fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	int s = strict_or_cwd(dirfd);

	if (s < 0)
		return ((int)cm_ret(s));
	if (s == 0)
		return ((int)cm_ret(flags == 0 ?
		    cm_sc3(SYS_fchmodat, dirfd, path, mode) :
		    cm_sc4(CM_NR_fchmodat2, dirfd, path, mode, flags)));
	CHECK_AT(dirfd, CAP_FCHMODAT);
	if (*path == '\0')
		return ((int)cm_ret((flags & AT_EMPTY_PATH) == 0 ? -ENOENT :
		    cm_sc2(SYS_fchmod, dirfd, mode)));
	ATTR_OP(dirfd, path, flags, cm_sc2(SYS_fchmod, fd, mode));
}

CM_EXPORT int
fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
	int s = strict_or_cwd(dirfd);

	if (s < 0)
		return ((int)cm_ret(s));
	if (s == 0)
		return ((int)cm_ret(cm_sc5(SYS_fchownat, dirfd, path, uid, gid,
		    flags)));
	CHECK_AT(dirfd, CAP_FCHOWNAT);
	if (*path == '\0')
		return ((int)cm_ret((flags & AT_EMPTY_PATH) == 0 ? -ENOENT :
		    cm_sc3(SYS_fchown, dirfd, uid, gid)));
	ATTR_OP(dirfd, path, flags, cm_sc3(SYS_fchown, fd, uid, gid));
}

CM_EXPORT int
utimensat(int dirfd, const char *path, const struct timespec ts[2], int flags)
{
	int s = strict_or_cwd(dirfd);

	path = opaque(path);
	if (path == NULL) {	/* futimens on dirfd itself */
		CHECK_AT(dirfd, CAP_FUTIMES);
		return ((int)cm_ret(cm_sc4(SYS_utimensat, dirfd, NULL, ts,
		    flags)));
	}
	if (s < 0)
		return ((int)cm_ret(s));
	if (s == 0)
		return ((int)cm_ret(cm_sc4(SYS_utimensat, dirfd, path, ts,
		    flags)));
	CHECK_AT(dirfd, CAP_FUTIMESAT);
	if (*path == '\0')
		return ((int)cm_ret((flags & AT_EMPTY_PATH) == 0 ? -ENOENT :
		    cm_sc4(SYS_utimensat, dirfd, NULL, ts, 0)));
	ATTR_OP(dirfd, path, flags, cm_sc4(SYS_utimensat, fd, NULL, ts, 0));
}

/* Run a name operation on (parent of path, last component). */
#define NAME_OP(dirfd, path, right, call)				\
	do {								\
		char last[CM_NAME_MAX + 1];				\
		bool own;						\
		int s = strict_or_cwd(dirfd), pfd;			\
		long r;							\
									\
		if (s <= 0) {						\
			if (s < 0)					\
				return ((int)cm_ret(s));		\
			pfd = (dirfd);					\
			const char *name = (path);			\
			r = (call);					\
			return ((int)cm_ret(r));			\
		}							\
		CHECK_AT((dirfd), (right));				\
		if ((pfd = parent_fd((dirfd), (path), last, &own)) < 0)	\
			return ((int)cm_ret(pfd));			\
		const char *name = last;				\
		r = (call);						\
		if (own)						\
			cm_close(pfd);					\
		return ((int)cm_ret(r));				\
	} while (0)

CM_EXPORT int
mkdirat(int dirfd, const char *path, mode_t mode)
{
	NAME_OP(dirfd, path, CAP_MKDIRAT,
	    cm_sc3(SYS_mkdirat, pfd, name, mode));
}

CM_EXPORT int
mknodat(int dirfd, const char *path, mode_t mode, dev_t dev)
{
	NAME_OP(dirfd, path, S_ISFIFO(mode) ? CAP_MKFIFOAT : CAP_MKNODAT,
	    cm_sc4(SYS_mknodat, pfd, name, mode, dev));
}

CM_EXPORT int
mkfifoat(int dirfd, const char *path, mode_t mode)
{
	return (mknodat(dirfd, path, (mode & 07777) | S_IFIFO, 0));
}

CM_EXPORT int
unlinkat(int dirfd, const char *path, int flags)
{
	NAME_OP(dirfd, path, CAP_UNLINKAT,
	    cm_sc3(SYS_unlinkat, pfd, name, flags));
}

CM_EXPORT int
symlinkat(const char *target, int dirfd, const char *path)
{
	NAME_OP(dirfd, path, CAP_SYMLINKAT,
	    cm_sc3(SYS_symlinkat, target, pfd, name));
}

/* Two-directory calls: both sides resolved beneath their own dirfd. */
static long
two_dirs(int fromfd, const char *from, uint64_t fromright, int tofd,
    const char *to, uint64_t toright, int op, unsigned int flags)
{
	char lfrom[CM_NAME_MAX + 1], lto[CM_NAME_MAX + 1];
	bool ownf, ownt;
	int sf = strict_or_cwd(fromfd), st = strict_or_cwd(tofd);
	int pf, pt;
	long r;

	if (sf < 0 || st < 0)
		return (-ECAPMODE);
	if (sf == 0 && st == 0) {
		if (op == SYS_linkat)
			return (cm_sc5(SYS_linkat, fromfd, from, tofd, to, flags));
		return (cm_sc5(SYS_renameat2, fromfd, from, tofd, to, flags));
	}
	if ((r = cm_check(fromfd, fromright)) != 0 ||
	    (r = cm_check(tofd, toright)) != 0)
		return (r);
	if ((pf = parent_fd(fromfd, from, lfrom, &ownf)) < 0)
		return (pf);
	if ((pt = parent_fd(tofd, to, lto, &ownt)) < 0) {
		if (ownf)
			cm_close(pf);
		return (pt);
	}
	if (op == SYS_linkat && (flags & AT_SYMLINK_FOLLOW) != 0) {
		/* Follow the source beneath its directory, then link that. */
		char lof[CM_NAME_MAX + 1];
		bool ownof;
		int of = cm_locate(pf, lfrom, true, lof, &ownof);

		r = of < 0 ? of : cm_sc5(SYS_linkat, of, lof, pt, lto, 0);
		if (of >= 0 && ownof)
			cm_close(of);
	} else if (op == SYS_linkat)
		r = cm_sc5(SYS_linkat, pf, lfrom, pt, lto, flags);
	else
		r = cm_sc5(SYS_renameat2, pf, lfrom, pt, lto, flags);
	if (ownf)
		cm_close(pf);
	if (ownt)
		cm_close(pt);
	return (r);
}

CM_EXPORT int
linkat(int fromfd, const char *from, int tofd, const char *to, int flags)
{
	return ((int)cm_ret(two_dirs(fromfd, from, CAP_LINKAT_SOURCE, tofd, to,
	    CAP_LINKAT_TARGET, SYS_linkat, (unsigned int)flags)));
}

CM_EXPORT int
renameat2(int fromfd, const char *from, int tofd, const char *to,
    unsigned int flags)
{
	return ((int)cm_ret(two_dirs(fromfd, from, CAP_RENAMEAT_SOURCE, tofd,
	    to, CAP_RENAMEAT_TARGET, SYS_renameat2, flags)));
}

CM_EXPORT int
renameat(int fromfd, const char *from, int tofd, const char *to)
{
	return (renameat2(fromfd, from, tofd, to, 0));
}
