/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * threads.c - put every thread of the process in the Landlock domain
 *
 * landlock_restrict_self() applies to the calling thread only (Linux has
 * no Landlock TSYNC before ABI 8).  Like libpsx does for setuid, we signal
 * every other thread and have it restrict itself in a handler, then list
 * the threads again until a whole pass finds no thread we have not
 * confined: a thread created meanwhile by an unconfined thread shows up in
 * the next listing, and one created by a confined thread inherits the
 * domain.  The seccomp layer needs none of this (SECCOMP_FILTER_FLAG_TSYNC).
 *
 * A thread that blocks the signal cannot be confined; cap_enter then fails
 * with EBUSY (strict mode) or reports CAP_MODE_G_ALL_THREADS as missing.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>

#include "internal.h"
#include "sys.h"

#define MAX_THREADS	8192
#define WAIT_NS		(2LL * 1000 * 1000 * 1000)

static int ruleset_fd = -1;
static pid_t done_tid[MAX_THREADS];
static long done_res[MAX_THREADS];
static unsigned int ndone;

static void
restrict_handler(int sig)
{
	long r;
	unsigned int i;

	(void)sig;
	r = cm_sc2(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1);
	if (r == 0)
		r = cm_landlock_restrict_self(ruleset_fd);
	i = __atomic_fetch_add(&ndone, 1, __ATOMIC_ACQ_REL);
	if (i < MAX_THREADS) {
		done_res[i] = r;
		__atomic_store_n(&done_tid[i], (pid_t)cm_sc0(SYS_gettid),
		    __ATOMIC_RELEASE);
	}
}

static long
find_done(pid_t tid)
{
	unsigned int n = __atomic_load_n(&ndone, __ATOMIC_ACQUIRE);

	for (unsigned int i = 0; i < n && i < MAX_THREADS; i++)
		if (__atomic_load_n(&done_tid[i], __ATOMIC_ACQUIRE) == tid)
			return (done_res[i] == 0 ? 1 : done_res[i]);
	return (0);
}

static long long
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
}

/* Signal tid and wait for its handler: 1 confined, 0 timeout, <0 error. */
static long
confine_one(pid_t pid, pid_t tid)
{
	long long deadline = now_ns() + WAIT_NS;
	struct timespec pause = { 0, 100 * 1000 };
	long r;

	r = cm_sc3(SYS_tgkill, pid, tid, SIGRTMAX);
	if (r == -ESRCH)
		return (1);	/* exited: nothing left to confine */
	if (r < 0)
		return (r);
	while ((r = find_done(tid)) == 0) {
		/* A thread that exits before it runs the handler is done. */
		if (cm_sc3(SYS_tgkill, pid, tid, 0) == -ESRCH)
			return (1);
		if (now_ns() > deadline)
			return (0);
		nanosleep(&pause, NULL);
	}
	return (r);
}

struct pass {
	pid_t		pid, self;
	unsigned int	newly;
	long		err;
};

static int
visit_task(pid_t tid, struct pass *p)
{
	long r;

	if (tid == p->self || find_done(tid) != 0)
		return (0);
	r = confine_one(p->pid, tid);
	if (r == 1) {
		p->newly++;
		return (0);
	}
	p->err = r == 0 ? -EBUSY : r;
	return (-1);
}

/*
 * One listing of /proc/self/task, through a descriptor opened before this
 * thread entered the Landlock domain (which does not cover /proc).
 */
static long
one_pass(long dfd, struct pass *p)
{
	char buf[4096];
	long n;

	if ((n = cm_sc3(SYS_lseek, dfd, 0, SEEK_SET)) < 0)
		return (n);
	while ((n = cm_sc3(SYS_getdents64, dfd, buf, sizeof(buf))) > 0) {
		for (long off = 0; off < n;) {
			unsigned short reclen;
			const char *name = buf + off + 19;

			memcpy(&reclen, buf + off + 16, sizeof(reclen));
			off += reclen;
			if (name[0] < '0' || name[0] > '9')
				continue;
			if (visit_task((pid_t)atoi(name), p) < 0)
				return (p->err);
		}
	}
	return (n < 0 ? n : 0);
}

CM_HIDDEN int
cm_threads_restrict(int rulesetfd, unsigned int *nthreads)
{
	struct cm_open_how how = { .flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC };
	struct sigaction sa, old;
	struct pass p;
	long r, taskfd;

	*nthreads = 0;
	taskfd = cm_openat2(AT_FDCWD, "/proc/self/task", &how);
	if ((r = cm_sc2(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1)) < 0 ||
	    (r = cm_landlock_restrict_self(rulesetfd)) < 0) {
		if (taskfd >= 0)
			cm_close((int)taskfd);
		return ((int)r);
	}
	if (taskfd < 0)
		return (-ENOENT);	/* no /proc: cannot list threads */
	*nthreads = 1;
	ruleset_fd = rulesetfd;
	ndone = 0;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = restrict_handler;
	sa.sa_flags = SA_RESTART;
	sigfillset(&sa.sa_mask);
	if (sigaction(SIGRTMAX, &sa, &old) < 0) {
		cm_close((int)taskfd);
		return (-errno);
	}
	p.pid = (pid_t)cm_sc0(SYS_getpid);
	p.self = (pid_t)cm_sc0(SYS_gettid);
	p.err = 0;
	do {
		p.newly = 0;
		r = one_pass(taskfd, &p);
	} while (r == 0 && p.newly > 0);
	(void)sigaction(SIGRTMAX, &old, NULL);
	cm_close((int)taskfd);
	*nthreads += ndone < MAX_THREADS ? ndone : MAX_THREADS;
	return ((int)r);
}
