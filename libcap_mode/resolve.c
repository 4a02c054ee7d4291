/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * resolve.c - the one resolver: lookups beneath a directory descriptor
 *
 * Used by openat() and the other *at wrappers here, by capbox's operand
 * parser and by the preload shim.
 *
 * Outside capability mode, openat2(RESOLVE_BENEATH) makes the kernel refuse
 * absolute paths, ".." above the directory and symlinks that leave it
 * (EXDEV, which we report as ENOTCAPABLE as FreeBSD does);
 * RESOLVE_NO_MAGICLINKS refuses /proc/self/fd/N-style jumps.
 *
 * In capability mode the filter refuses openat2: its flags live in memory
 * the filter cannot read, and an O_PATH (or access mode 3) open is one
 * that Landlock does not check.  There the path is walked one component at
 * a time with openat(O_NOFOLLOW), whose every step Landlock checks, keeping
 * the directories passed so that ".." goes back to them and never above
 * the start; symlinks are read and followed here, by the same rules.
 *
 * When is a lookup strict?  As on FreeBSD: in capability mode always; for
 * a descriptor whose rights were limited; and with O_RESOLVE_BENEATH.
 */
#include <limits.h>
#include <stdarg.h>
#include <string.h>

#include "internal.h"
#include "sys.h"

/* Referenced from rights_limit.c so static links always take this file. */
CM_HIDDEN const char cm_anchor_resolve = 0;

#define WALK_DEPTH	64	/* directories kept for ".." */
#define WALK_LINKS	40	/* symlinks followed, as the kernel's MAXSYMLINKS */

struct walk {
	int		start;		/* the directory (or root) we began at */
	int		dirs[WALK_DEPTH];
	unsigned int	depth;
	bool		in_root;
	int		links;
	char		buf[2][PATH_MAX];
	int		cur;		/* buf holding the rest of the path */
};

static int
walk_top(const struct walk *w)
{
	return (w->depth == 0 ? w->start : w->dirs[w->depth - 1]);
}

static void
walk_reset(struct walk *w)
{
	while (w->depth > 0)
		cm_close(w->dirs[--w->depth]);
}

/* "..": back to the directory we came from, never above the start. */
static int
walk_up(struct walk *w)
{
	if (w->depth == 0)
		return (w->in_root ? 0 : -ENOTCAPABLE);
	cm_close(w->dirs[--w->depth]);
	return (0);
}

/* Replace the rest of the path with target + "/" + rest (target alone). */
static int
walk_splice(struct walk *w, const char *target, const char *rest)
{
	char *out = w->buf[!w->cur];
	size_t tl = strlen(target), rl = strlen(rest);

	if (++w->links > WALK_LINKS)
		return (-ELOOP);
	if (tl + 1 + rl >= PATH_MAX)
		return (-ENAMETOOLONG);
	memcpy(out, target, tl);
	if (rl == 0) {
		out[tl] = '\0';
	} else {
		out[tl] = '/';
		memcpy(out + tl + 1, rest, rl + 1);
	}
	w->cur = !w->cur;
	return (0);
}

/*
 * If name in the current directory is a symlink, splice its target in
 * front of rest and return 1; 0 if it is not a symlink.
 */
static int
walk_link(struct walk *w, const char *name, const char *rest)
{
	char target[PATH_MAX];
	long n;

	n = cm_sc4(SYS_readlinkat, walk_top(w), name, target,
	    sizeof(target) - 1);
	if (n < 0)
		return (0);
	target[n] = '\0';
	return (walk_splice(w, target, rest) < 0 ? -ELOOP : 1);
}

static int
walk_open(int dirfd, const char *path, int flags, mode_t mode, int how)
{
	struct walk *w, wspace;
	char name[NAME_MAX + 1];
	const char *p, *rest;
	size_t n;
	int r, fd;

	w = &wspace;
	w->start = dirfd;
	w->depth = 0;
	w->in_root = (how & CM_IN_ROOT) != 0;
	w->links = 0;
	w->cur = 0;
	if ((n = strlen(path)) == 0)
		return (-ENOENT);
	if (n >= PATH_MAX)
		return (-ENAMETOOLONG);
	memcpy(w->buf[0], path, n + 1);
	/* No O_PATH here: Landlock must see what we open. */
	if ((flags & O_PATH) != 0)
		flags = (flags & (O_CLOEXEC | O_DIRECTORY | O_NOFOLLOW)) |
		    O_RDONLY | O_NONBLOCK | O_NOCTTY;
	for (p = w->buf[w->cur];;) {
		if (*p == '/') {
			if (!w->in_root) {
				r = -ENOTCAPABLE;
				break;
			}
			walk_reset(w);
			while (*p == '/')
				p++;
		}
		for (n = 0; p[n] != '\0' && p[n] != '/'; n++)
			;
		if (n > NAME_MAX) {
			r = -ENAMETOOLONG;
			break;
		}
		memcpy(name, p, n);
		name[n] = '\0';
		for (rest = p + n; *rest == '/'; rest++)
			;
		if (*rest == '\0' && p[n] == '\0' && n > 0 &&
		    strcmp(name, ".") != 0 && strcmp(name, "..") != 0) {
			/* The last component, without a trailing slash. */
			fd = (int)cm_sc4(SYS_openat, walk_top(w), name,
			    flags | O_NOFOLLOW, mode);
			if ((fd == -ELOOP || fd == -ENOTDIR) &&
			    (flags & O_NOFOLLOW) == 0 &&
			    (r = walk_link(w, name, "")) != 0) {
				if (r < 0)
					break;
				p = w->buf[w->cur];
				continue;
			}
			r = fd;
			break;
		}
		if (n == 0 || strcmp(name, ".") == 0) {
			/* nothing to do */
		} else if (strcmp(name, "..") == 0) {
			if ((r = walk_up(w)) < 0)
				break;
		} else {
			fd = (int)cm_sc4(SYS_openat, walk_top(w), name,
			    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0);
			if (fd == -ELOOP || fd == -ENOTDIR) {
				if ((r = walk_link(w, name, rest)) < 0)
					break;
				if (r > 0) {
					p = w->buf[w->cur];
					continue;
				}
			}
			if (fd < 0) {
				r = fd;
				break;
			}
			if (w->depth == WALK_DEPTH) {
				cm_close(fd);
				r = -ENAMETOOLONG;
				break;
			}
			w->dirs[w->depth++] = fd;
		}
		if (*rest == '\0') {
			/*
			 * A directory ("x/", ".", ".."): open it as asked.  A
			 * plain read-only open is served by the directory the
			 * walk holds (the *at calls ask for their parent so).
			 */
			if (w->depth > 0 && (flags & ~(O_NONBLOCK | O_NOCTTY |
			    O_DIRECTORY | O_NOFOLLOW | O_LARGEFILE |
			    O_CLOEXEC)) == O_RDONLY) {
				r = w->dirs[--w->depth];
				if ((flags & O_CLOEXEC) == 0)
					(void)cm_sc3(SYS_fcntl, r, F_SETFD, 0);
				break;
			}
			r = (int)cm_sc4(SYS_openat, walk_top(w), ".", flags, mode);
			break;
		}
		p = rest;
	}
	walk_reset(w);
	return (r);
}

/* Set by the fuzzing harness fuzz_walk to walk outside capability mode. */
CM_HIDDEN int cm_walk_always;

CM_HIDDEN int
cm_openat_beneath(int dirfd, const char *path, int flags, mode_t mode,
    int how)
{
	struct cm_open_how oh;
	long r;

	flags &= ~O_RESOLVE_BENEATH;
	if (cm_capmode || cm_walk_always)
		return (walk_open(dirfd, path, flags, mode, how));
	memset(&oh, 0, sizeof(oh));
	oh.flags = (uint64_t)(unsigned int)flags;
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
