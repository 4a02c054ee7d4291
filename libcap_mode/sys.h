/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sys.h - raw system calls, returning -errno and never touching errno
 *
 * The library's fd wrappers (read, write, openat, ...) replace libc's, so
 * they must reach the kernel without calling back into themselves.
 */
#ifndef CM_SYS_H
#define CM_SYS_H

#include <errno.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "uapi.h"

#if defined(__x86_64__)
static inline long
cm_sc6(long n, long a, long b, long c, long d, long e, long f)
{
	long ret;
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;

	__asm__ __volatile__("syscall"
	    : "=a"(ret)
	    : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
	    : "rcx", "r11", "memory");
	return (ret);
}
#else
static inline long
cm_sc6(long n, long a, long b, long c, long d, long e, long f)
{
	int saved = errno;
	long ret = syscall(n, a, b, c, d, e, f);

	if (ret == -1) {
		ret = -errno;
		errno = saved;
	}
	return (ret);
}
#endif

#define cm_sc0(n)		cm_sc6((n), 0, 0, 0, 0, 0, 0)
#define cm_sc1(n, a)		cm_sc6((n), (long)(a), 0, 0, 0, 0, 0)
#define cm_sc2(n, a, b)		cm_sc6((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define cm_sc3(n, a, b, c)	cm_sc6((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define cm_sc4(n, a, b, c, d)						\
	cm_sc6((n), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define cm_sc5(n, a, b, c, d, e)					\
	cm_sc6((n), (long)(a), (long)(b), (long)(c), (long)(d), (long)(e), 0)

/* Retry EINTR in one place, for the calls the library makes for itself. */
#define CM_NOINTR(expr)							\
	({								\
		long cm_r_;						\
		do								\
			cm_r_ = (expr);					\
		while (cm_r_ == -EINTR);				\
		cm_r_;							\
	})

static inline long
cm_close(int fd)
{
	return (cm_sc1(SYS_close, fd));
}

static inline long
cm_openat2(int dirfd, const char *path, const struct cm_open_how *how)
{
	return (cm_sc4(CM_NR_openat2, dirfd, path, how, sizeof(*how)));
}

static inline long
cm_landlock_create_ruleset(const struct cm_landlock_ruleset_attr *attr,
    unsigned long size, unsigned int flags)
{
	return (cm_sc3(CM_NR_landlock_create_ruleset, attr, size, flags));
}

static inline long
cm_landlock_add_rule(int rfd, int type, const void *attr)
{
	return (cm_sc4(CM_NR_landlock_add_rule, rfd, type, attr, 0));
}

static inline long
cm_landlock_restrict_self(int rfd)
{
	return (cm_sc2(CM_NR_landlock_restrict_self, rfd, 0));
}

static inline long
cm_kcmp_file(int fd1, int fd2)
{
	long pid = cm_sc0(SYS_getpid);

	return (cm_sc5(CM_NR_kcmp, pid, pid, CM_KCMP_FILE, fd1, fd2));
}

#endif /* CM_SYS_H */
