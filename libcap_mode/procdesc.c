/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * procdesc.c - process descriptors (pdfork, pdkill, pdgetpid, pdwait4)
 *
 * A process descriptor is a Linux pidfd.  pdfork() makes it with a raw
 * clone(2) and CLONE_PIDFD, not clone3(2): capability mode refuses clone3
 * (its flags live in memory the seccomp filter cannot read), and pdfork
 * must work inside capability mode.  The exit signal is 0, so the parent
 * gets no SIGCHLD and wait(2) for "any child" never reaps the child, as on
 * FreeBSD; pdwait4() waits with __WALL through the descriptor.
 *
 * Kill on last close.  Without PD_DAEMON, FreeBSD kills the child when the
 * last reference to its process descriptor goes away.  Linux has no such
 * pidfd, so the library emulates it:
 *   - close(), dup2() and dup3() through the library call cm_pd_last_close()
 *     before the kernel close; if no other slot of the rights table names
 *     the same child, the child gets SIGKILL;
 *   - the child has PR_SET_PDEATHSIG(SIGKILL), which covers the parent's
 *     exit, where the kernel closes the descriptors without the library.
 * Limits, stated in the header too:
 *   - a descriptor closed without the library (raw syscall, close_range,
 *     exec with close-on-exec) does not kill the child;
 *   - duplicates held by other processes (fork, SCM_RIGHTS) are not
 *     counted: closing the parent's last copy kills the child even if
 *     another process still holds one; closing a copy inherited by fork
 *     never kills;
 *   - the death signal fires when the *thread* that called pdfork exits,
 *     not only when the process does (a Linux property of PDEATHSIG), and
 *     the kernel clears it when the child execs a set-user-ID program;
 *   - in capability mode with Landlock signal scoping (ABI 6+), a child
 *     forked before cap_enter lies outside the caller's domain: pdkill and
 *     the kill on last close are refused (EPERM) for it.
 *
 * The child of a raw clone.  The kernel copies the calling thread only and
 * libc's fork handlers do not run, so the child is as safe as a fork(2)
 * child whose pthread_atfork handlers were skipped:
 *   - in a single-threaded parent no lock can be held by another thread,
 *     and the child may use malloc, stdio and the rest of libc;
 *   - in a multithreaded parent another thread may hold a libc lock
 *     (malloc arena, stdio stream), so the child must restrict itself to
 *     async-signal-safe functions until _exit or execve, as POSIX demands
 *     of fork(2) children of multithreaded processes;
 *   - libc's thread control block is a copy of the parent thread's;
 *     glibc and musl ask the kernel for the thread id in raise(), so
 *     raise() and abort() reach the child (the tests check raise()), but
 *     thread-id caches of other libraries are the parent's.
 * The library's own rights table is locked across the clone, so the
 * child's copy is consistent.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <sys/procdesc.h>

#include "internal.h"
#include "sys.h"

#ifndef __WALL
#define __WALL		0x40000000
#endif
#define PD_WAIT_OPTS	(WNOHANG | WUNTRACED | WCONTINUED | WEXITED)

CM_HIDDEN void	cm_pd_after_fork(void);

/*
 * Call fn for every process descriptor slot of the table (lock held).
 * The table can only hold fds below the descriptor limit that was in force
 * when they were opened; the hard limit bounds that.
 */
static int
pd_for_each_locked(int (*fn)(int, struct cm_slot *, void *), void *arg)
{
	struct rlimit rl;
	struct cm_slot s;
	long max = 1L << 21;
	int r;

	if (cm_sc4(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &rl) == 0 &&
	    rl.rlim_max < (rlim_t)max)
		max = (long)rl.rlim_max;
	for (long fd = 0; fd < max; fd++) {
		if (!cm_slot_get((int)fd, &s) || (s.pd_flags & CM_PD_DESC) == 0)
			continue;
		if ((r = fn((int)fd, &s, arg)) != 0)
			return (r);
	}
	return (0);
}

struct pd_match {
	int	fd;
	pid_t	pid;
};

/* 1 if fd is another open descriptor for the same child. */
static int
same_child(int fd, struct cm_slot *s, void *arg)
{
	const struct pd_match *m = arg;

	if (fd == m->fd || s->pd_pid != m->pid)
		return (0);
	return (cm_sc2(SYS_fcntl, fd, F_GETFD) >= 0);
}

/* NOTE - contract in internal.h. */
CM_HIDDEN void
cm_pd_last_close(int fd, const struct cm_slot *slot)
{
	struct pd_match m = { .fd = fd, .pid = slot->pd_pid };

	if ((slot->pd_flags & (CM_PD_DESC | CM_PD_DAEMON)) != CM_PD_DESC ||
	    slot->pd_pid <= 0)
		return;
	if (pd_for_each_locked(same_child, &m) != 0)
		return;
	/* Best effort: the child may be gone already (ESRCH). */
	(void)cm_sc4(CM_NR_pidfd_send_signal, fd, SIGKILL, NULL, 0);
}

/*
 * A fork child holds copies of its parent's process descriptors; closing
 * a copy must not kill the parent's children, so the copies become
 * "daemon" descriptors in the child.  Table lock held.
 */
static int
disown(int fd, struct cm_slot *s, void *arg)
{
	(void)arg;
	if ((s->pd_flags & CM_PD_DAEMON) != 0)
		return (0);
	s->pd_flags |= CM_PD_DAEMON;
	/* cm_slot_get does not copy the ioctl list; keep the table's own. */
	s->ioctls = cm_slot_ioctls_dup_locked(fd);
	if (s->nioctls > 0 && s->ioctls == NULL) {
		s->pd_flags &= ~CM_PD_DESC;	/* cannot keep it: forget */
		s->nioctls = 0;
	}
	return (cm_slot_put_locked(fd, s) < 0 ? 1 : 0);
}

/*
 * For the fork(2) child (the rights table's atfork child handler): the
 * inherited process descriptors are copies.  Table lock held.
 */
CM_HIDDEN void
cm_pd_after_fork(void)
{
	(void)pd_for_each_locked(disown, NULL);
}

static void
child_setup(pid_t parent, int flags)
{
	cm_pd_after_fork();
	cm_table_unlock();
	if ((flags & PD_DAEMON) != 0)
		return;
	/*
	 * If the parent died before the death signal was armed, we were
	 * reparented and no signal will come: die now.
	 */
	if (cm_sc2(SYS_prctl, PR_SET_PDEATHSIG, SIGKILL) < 0 ||
	    cm_sc0(SYS_getppid) != parent)
		(void)cm_sc2(SYS_kill, cm_sc0(SYS_getpid), SIGKILL);
}

/* Reap a child that pdfork could not hand out. */
static void
discard_child(int pidfd)
{
	siginfo_t si;

	(void)cm_sc4(CM_NR_pidfd_send_signal, pidfd, SIGKILL, NULL, 0);
	(void)CM_NOINTR(cm_sc5(SYS_waitid, CM_P_PIDFD, pidfd, &si,
	    WEXITED | __WALL, NULL));
	(void)cm_close(pidfd);
}

static long
pd_fork(int *fdp, int flags)
{
	struct cm_slot s;
	cap_rights_t all;
	pid_t parent;
	int pidfd = -1;
	long pid, r;

	if ((flags & ~PD_ALLOWED_AT_FORK) != 0)
		return (-EINVAL);
	if (fdp == NULL)
		return (-EFAULT);
	parent = (pid_t)cm_sc0(SYS_getpid);
	cm_table_lock();
	/* Exit signal 0 (the low byte of the flags): no SIGCHLD. */
	pid = cm_sc5(SYS_clone, CM_CLONE_PIDFD, 0, &pidfd, 0, 0);
	if (pid == 0) {
		child_setup(parent, flags);
		return (0);
	}
	if (pid < 0) {
		cm_table_unlock();
		return (pid);
	}
	CAP_ALL(&all);
	memset(&s, 0, sizeof(s));
	s.r[0] = all.cr_rights[0];
	s.r[1] = all.cr_rights[1];
	s.fcntls = CAP_FCNTL_ALL;
	s.nioctls = -1;
	s.pd_pid = (pid_t)pid;
	s.pd_flags = CM_PD_DESC | ((flags & PD_DAEMON) != 0 ? CM_PD_DAEMON : 0);
	r = cm_slot_put_locked(pidfd, &s);
	/* The kernel makes every pidfd close-on-exec. */
	if (r == 0 && (flags & PD_CLOEXEC) == 0)
		r = cm_sc3(SYS_fcntl, pidfd, F_SETFD, 0);
	if (r < 0) {
		cm_slot_forget_locked(pidfd);
		cm_table_unlock();
		discard_child(pidfd);
		return (r);
	}
	cm_table_unlock();
	*fdp = pidfd;
	return (pid);
}

/* NOTE - function header comments in include/sys/procdesc.h. */
CM_EXPORT pid_t
pdfork(int *fdp, int flags)
{
	return ((pid_t)cm_ret(pd_fork(fdp, flags)));
}

CM_EXPORT int
pdkill(int fd, int signum)
{
	int r;

	/* As FreeBSD: a bad signal number before the descriptor. */
	if (signum < 0 || signum >= NSIG)
		return ((int)cm_ret(-EINVAL));
	if ((r = cm_check(fd, CAP_PDKILL)) != 0)
		return ((int)cm_ret(r));
	return ((int)cm_ret(cm_sc4(CM_NR_pidfd_send_signal, fd, signum, NULL,
	    0)));
}

/* The "Pid:" line of /proc/self/fdinfo/fd (kernels before 6.13). */
static long
pid_from_fdinfo(int fd)
{
	struct cm_open_how how = { .flags = O_RDONLY | O_CLOEXEC };
	char path[64], buf[1024];
	const char *p;
	char *end;
	long dfd, n, pid;

	(void)snprintf(path, sizeof(path), "/proc/self/fdinfo/%d", fd);
	if ((dfd = cm_openat2(AT_FDCWD, path, &how)) < 0)
		return (dfd);
	n = CM_NOINTR(cm_sc3(SYS_read, dfd, buf, sizeof(buf) - 1));
	(void)cm_close((int)dfd);
	if (n < 0)
		return (n);
	buf[n] = '\0';
	if ((p = strstr(buf, "\nPid:")) == NULL)
		return (-EBADF);		/* not a process descriptor */
	pid = strtol(p + 5, &end, 10);
	if (end == p + 5)
		return (-EBADF);
	return (pid > 0 ? pid : -ESRCH);	/* -1: reaped */
}

static long
pd_getpid(int fd)
{
	struct cm_pidfd_info info;
	struct cm_slot s;
	long r;

	if ((r = cm_check(fd, CAP_PDGETPID)) != 0)
		return (r);
	if (cm_sc2(SYS_fcntl, fd, F_GETFD) < 0)
		return (-EBADF);
	if (cm_slot_get(fd, &s) && (s.pd_flags & CM_PD_DESC) != 0)
		return (s.pd_pid);
	memset(&info, 0, sizeof(info));
	info.mask = CM_PIDFD_INFO_PID;
	r = cm_sc3(SYS_ioctl, fd, CM_PIDFD_GET_INFO, &info);
	if (r == 0 && (info.mask & CM_PIDFD_INFO_PID) != 0)
		return (info.tgid);
	if (r == -ESRCH)
		return (r);
	return (pid_from_fdinfo(fd));
}

CM_EXPORT int
pdgetpid(int fd, pid_t *pidp)
{
	long r = pd_getpid(fd);

	if (r >= 0) {
		if (pidp == NULL)
			return ((int)cm_ret(-EFAULT));
		*pidp = (pid_t)r;
		r = 0;
	}
	return ((int)cm_ret(r));
}

/* The wait(2) status that siginfo describes. */
static int
wait_status(const siginfo_t *si)
{
	switch (si->si_code) {
	case CLD_EXITED:
		return ((si->si_status & 0xff) << 8);
	case CLD_KILLED:
		return (si->si_status & 0x7f);
	case CLD_DUMPED:
		return ((si->si_status & 0x7f) | 0x80);
	case CLD_STOPPED:
	case CLD_TRAPPED:
		return (((si->si_status & 0xff) << 8) | 0x7f);
	case CLD_CONTINUED:
		return (0xffff);
	default:
		return (0);
	}
}

static long
pd_wait4(int fd, int *status, int options, struct rusage *rusage)
{
	siginfo_t si;
	long r;

	if ((r = cm_check(fd, CAP_PDWAIT)) != 0)
		return (r);
	if ((options & ~PD_WAIT_OPTS) != 0)
		return (-EINVAL);
	memset(&si, 0, sizeof(si));
	/* The kernel's waitid takes the rusage as its fifth argument. */
	r = cm_sc5(SYS_waitid, CM_P_PIDFD, fd, &si,
	    options | WEXITED | __WALL, rusage);
	if (r < 0)
		return (r);
	if (si.si_pid == 0)		/* WNOHANG, nothing to report */
		return (0);
	if (status != NULL)
		*status = wait_status(&si);
	return (si.si_pid);
}

CM_EXPORT int
pdwait4(int fd, int *status, int options, struct rusage *rusage)
{
	return ((int)cm_ret(pd_wait4(fd, status, options, rusage)));
}
