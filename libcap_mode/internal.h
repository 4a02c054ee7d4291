/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * internal.h - cross-file declarations of libcap_mode (never installed)
 *
 * Internal functions return -errno (or a value >= 0); only the public edge
 * turns that into -1/errno, through cm_ret(), so errno is touched in one
 * place and left alone on success.
 */
#ifndef CM_INTERNAL_H
#define CM_INTERNAL_H

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include <sys/capsicum.h>
#include <cap_mode.h>

#define CM_HIDDEN	__attribute__((visibility("hidden")))
#define CM_EXPORT	__attribute__((visibility("default")))
#define CM_LIKELY(x)	__builtin_expect(!!(x), 1)
#define CM_UNLIKELY(x)	__builtin_expect(!!(x), 0)

static inline long
cm_ret(long r)
{
	if (r < 0) {
		errno = (int)-r;
		return (-1);
	}
	return (r);
}

/* rights.c */
CM_HIDDEN bool	cm_rights_valid(const cap_rights_t *);

/*
 * rtable.c - the process-wide rights table, the library's only mutable
 * state besides the mode flags below.  A slot that was never limited has
 * all rights.  Lookups are lock-free; changes take the table lock.
 */
struct cm_slot {
	uint64_t	r[2];		/* cap_rights_t words; r[0] == 0: unlimited */
	uint32_t	fcntls;		/* CAP_FCNTL_* allowed */
	int32_t		nioctls;	/* -1: all ioctls allowed */
	unsigned long	*ioctls;	/* nioctls commands, owned by the table */
	pid_t		pd_pid;		/* process descriptor: child pid, else 0 */
	uint32_t	pd_flags;	/* CM_PD_* */
};
/*
 * A process descriptor's slot holds its rights like any other (all rights
 * from pdfork: r[] = CAP_ALL, never 0) plus the pd fields below.
 */
#define CM_PD_DESC	0x1u	/* slot is a process descriptor from pdfork */
#define CM_PD_DAEMON	0x2u	/* PD_DAEMON: closing does not kill */

CM_HIDDEN extern volatile int cm_any_limited;	/* fast path: 0 = no slot limited */
CM_HIDDEN void	cm_table_lock(void);
CM_HIDDEN void	cm_table_unlock(void);
/* Copy slot fd into *out; false (and *out unlimited) if never limited. */
CM_HIDDEN bool	cm_slot_get(int fd, struct cm_slot *out);
/* Store *in for fd (table lock held); takes ownership of in->ioctls. */
CM_HIDDEN int	cm_slot_put_locked(int fd, const struct cm_slot *in);
/* Forget fd (table lock held); frees its ioctl list. */
CM_HIDDEN void	cm_slot_forget_locked(int fd);
/* Copy slot `from` to `to` (table lock held), as dup does. */
CM_HIDDEN int	cm_slot_copy_locked(int to, int from);
CM_HIDDEN unsigned int	cm_slots_limited(void);
CM_HIDDEN unsigned long	*cm_slot_ioctls_dup_locked(int fd);
CM_HIDDEN ssize_t	cm_slot_ioctls_copy_locked(int fd, unsigned long *, size_t);
CM_HIDDEN bool	cm_ioctl_allowed_locked(int fd, unsigned long cmd);

/*
 * Check that fd holds `need` (CAP_* words).  0 or -ENOTCAPABLE.  Unlimited
 * and unknown fds hold every right, as on FreeBSD.
 */
CM_HIDDEN int	cm_check_slow(int fd, uint64_t need);

static inline int
cm_check(int fd, uint64_t need)
{
	if (CM_LIKELY(!cm_any_limited))
		return (0);
	return (cm_check_slow(fd, need));
}
CM_HIDDEN int	cm_check_rights(int fd, const cap_rights_t *need);

/* rights_limit.c */
CM_HIDDEN int	cm_rights_of(int fd, cap_rights_t *out);
CM_HIDDEN int	cm_limit_inherit(int newfd, int dirfd);
CM_HIDDEN unsigned int	cm_kernel_kept(void);

/* dup.c */
CM_HIDDEN int	cm_dup_fcntl(int fd, int cmd, int minfd);

/* resolve.c: the one resolver. */
#define CM_BENEATH	0x1	/* RESOLVE_BENEATH: stay under dirfd */
#define CM_IN_ROOT	0x2	/* RESOLVE_IN_ROOT: dirfd is "/" */
CM_HIDDEN int	cm_openat_beneath(int dirfd, const char *path, int flags,
		    mode_t mode, int how);
CM_HIDDEN bool	cm_lookup_is_strict(int dirfd);

/* at.c: an object beneath dirfd as (parent fd, last name), see there. */
#define CM_NAME_MAX	255
CM_HIDDEN int	cm_locate(int dirfd, const char *path, bool follow,
		    char last[CM_NAME_MAX + 1], bool *own);
CM_HIDDEN int	cm_attr_fd(int pfd, const char *last);
CM_HIDDEN void	cm_open_rights(int flags, cap_rights_t *need);

/* mode flags (enter.c) */
CM_HIDDEN extern volatile int cm_capmode;
CM_HIDDEN extern uint32_t cm_enforced;
CM_HIDDEN extern unsigned int cm_threads_confined;
CM_HIDDEN uint32_t	cm_strict_required(void);

/* seccomp.c */
CM_HIDDEN int	cm_seccomp_install(void);
CM_HIDDEN void	cm_seccomp_child(void);
CM_HIDDEN bool	cm_seccomp_available(void);
/* The sealed "" that the filter lets execveat take. */
CM_HIDDEN const char	*cm_sealed_empty(void);
CM_HIDDEN bool	cm_sealed_is_sealed(void);

/* landlock.c */
CM_HIDDEN int	cm_landlock_abi(void);
CM_HIDDEN uint32_t	cm_landlock_guarantees(int abi);
CM_HIDDEN int	cm_landlock_build(int *rulesetfd);
CM_HIDDEN uint64_t	cm_landlock_access(const cap_rights_t *);
/* Call fn for every open fd (/proc/self/fd, else probing); stops on < 0. */
CM_HIDDEN int	cm_for_each_fd(int (*fn)(int, void *), void *arg);

/* threads.c */
CM_HIDDEN int	cm_threads_restrict(int rulesetfd, unsigned int *nthreads);

/* bpf.c: narrow in the kernel too when capbpf is loaded; 1 if it keeps it. */
CM_HIDDEN bool	cm_bpf_rights_active(void);
CM_HIDDEN int	cm_bpf_limit_rights(int fd, const cap_rights_t *);
CM_HIDDEN int	cm_bpf_limit_ioctls(int fd, const unsigned long *, size_t);
CM_HIDDEN int	cm_bpf_limit_fcntls(int fd, uint32_t);

/* status.c */
CM_HIDDEN uint32_t	cm_available(void);

/*
 * procdesc.c: called by the close() wrapper, table lock held, BEFORE the
 * kernel close of fd, when fd's slot is a process descriptor (CM_PD_DESC).
 * Kills the child when fd is the last descriptor for it and not PD_DAEMON.
 */
/*
 * Weak: only programs that call pdfork link procdesc.c, and only they can
 * have process-descriptor slots.
 */
CM_HIDDEN void	cm_pd_last_close(int fd, const struct cm_slot *)
    __attribute__((weak));
/* procdesc.c: in a fork(3) child, table lock held (weak, as above). */
CM_HIDDEN void	cm_pd_after_fork(void) __attribute__((weak));

#endif /* CM_INTERNAL_H */
