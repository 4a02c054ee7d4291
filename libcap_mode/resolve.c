/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * resolve.c - the one resolver: lookups beneath a directory descriptor
 *
 * Used by openat() and the other *at wrappers here, by capbox's operand
 * parser and by the preload shim.  openat2(RESOLVE_BENEATH) makes the
 * kernel refuse absolute paths, ".." above the directory and symlinks that
 * leave it (EXDEV, which we report as ENOTCAPABLE as FreeBSD does);
 * RESOLVE_NO_MAGICLINKS refuses /proc/self/fd/N-style jumps.
 *
 * When is a lookup strict?  As on FreeBSD: in capability mode always; for
 * a descriptor whose rights were limited; and with O_RESOLVE_BENEATH.
 */
#include <stdarg.h>
#include <string.h>

#include "internal.h"
#include "sys.h"

/* Referenced from rights_limit.c so static links always take this file. */
CM_HIDDEN const char cm_anchor_resolve = 0;

CM_HIDDEN int
cm_openat_beneath(int dirfd, const char *path, int flags, mode_t mode,
    int how)
{
	struct cm_open_how oh;
	long r;

	memset(&oh, 0, sizeof(oh));
	oh.flags = (uint64_t)(unsigned int)(flags & ~O_RESOLVE_BENEATH);
	if ((flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE)
		oh.mode = mode & 07777;
	oh.resolve = CM_RESOLVE_NO_MAGICLINKS |
	    ((how & CM_IN_ROOT) != 0 ? CM_RESOLVE_IN_ROOT : CM_RESOLVE_BENEATH);
	r = cm_openat2(dirfd, path, &oh);
	if (r == -EXDEV)
		r = -ENOTCAPABLE;
	return ((int)r);
}

CM_HIDDEN bool
cm_lookup_is_strict(int dirfd)
{
	struct cm_slot s;

	return (cm_capmode || (cm_any_limited && cm_slot_get(dirfd, &s)));
}

/* The rights openat(2) needs on the directory, as FreeBSD's flags2rights. */
CM_HIDDEN void
cm_open_rights(int flags, cap_rights_t *r)
{
	cap_rights_init(r, CAP_LOOKUP);
	switch (flags & O_ACCMODE) {
	case O_RDONLY:
		if ((flags & O_PATH) == 0)
			cap_rights_set(r, CAP_READ);
		break;
	case O_RDWR:
		cap_rights_set(r, CAP_READ);
		__attribute__((fallthrough));
	case O_WRONLY:
		cap_rights_set(r, CAP_WRITE);
		if ((flags & (O_APPEND | O_TRUNC)) == 0)
			cap_rights_set(r, CAP_SEEK);
		break;
	default:
		break;
	}
	if ((flags & O_CREAT) != 0)
		cap_rights_set(r, CAP_CREATE);
	if ((flags & O_TRUNC) != 0)
		cap_rights_set(r, CAP_FTRUNCATE);
	if ((flags & (O_SYNC | O_DSYNC)) != 0)
		cap_rights_set(r, CAP_FSYNC);
}

static int
do_openat(int dirfd, const char *path, int flags, mode_t mode)
{
	cap_rights_t need;
	int r, fd;
	bool beneath = (flags & O_RESOLVE_BENEATH) != 0;

	flags &= ~O_RESOLVE_BENEATH;
	if (dirfd == AT_FDCWD) {
		if (cm_capmode)
			return (-ECAPMODE);
		if (!beneath)
			return ((int)cm_sc4(SYS_openat, dirfd, path, flags, mode));
		return (cm_openat_beneath(dirfd, path, flags, mode, CM_BENEATH));
	}
	if (!beneath && !cm_lookup_is_strict(dirfd))
		return ((int)cm_sc4(SYS_openat, dirfd, path, flags, mode));
	cm_open_rights(flags, &need);
	if ((r = cm_check_rights(dirfd, &need)) != 0)
		return (r);
	fd = cm_openat_beneath(dirfd, path, flags, mode, CM_BENEATH);
	if (fd >= 0 && cm_any_limited && (r = cm_limit_inherit(fd, dirfd)) < 0) {
		cm_close(fd);
		return (r);
	}
	return (fd);
}

static mode_t
mode_arg(int flags, va_list ap)
{
	if ((flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE)
		return ((mode_t)va_arg(ap, int));
	return (0);
}

CM_EXPORT int
openat(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	return ((int)cm_ret(do_openat(dirfd, path, flags, mode)));
}

#ifdef __GLIBC__
CM_EXPORT int
openat64(int dirfd, const char *path, int flags, ...)
{
	va_list ap;
	mode_t mode;

	va_start(ap, flags);
	mode = mode_arg(flags, ap);
	va_end(ap);
	return ((int)cm_ret(do_openat(dirfd, path, flags, mode)));
}
#endif

/* _FORTIFY_SOURCE's checked variants: O_CREAT without a mode is a bug. */
int	__openat_2(int, const char *, int);
int	__openat64_2(int, const char *, int);

CM_EXPORT int
__openat_2(int dirfd, const char *path, int flags)
{
	if ((flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE)
		__builtin_trap();
	return ((int)cm_ret(do_openat(dirfd, path, flags, 0)));
}

CM_EXPORT int
__openat64_2(int dirfd, const char *path, int flags)
{
	return (__openat_2(dirfd, path, flags));
}
