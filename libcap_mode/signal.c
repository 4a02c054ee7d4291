/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * signal.c - signals in capability mode: ourselves only
 *
 * As on FreeBSD, a process in capability mode may signal itself and no
 * other process (children go through process descriptors, pdkill).  The
 * seccomp filter enforces it for raw system calls by comparing the pid
 * argument with the pid patched into it at cap_enter.  A child forked
 * afterwards inherits that filter, so its own pid fails the comparison;
 * for it these wrappers fall back to pidfd_send_signal(2) with the
 * PIDFD_SELF_* sentinels (Linux 6.15), which name no pid at all.
 * Other processes get ECAPMODE here, before the kernel is asked.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "sys.h"

#define PIDFD_SELF_THREAD		(-10000)
#define PIDFD_SELF_THREAD_GROUP		(-10001)

/* Referenced from rtable.c so static links always take this file. */
CM_HIDDEN const char cm_anchor_signal = 0;

static long
self_pid(void)
{
	return (cm_sc0(SYS_getpid));
}

/* A signal to ourselves refused by an inherited filter: name no pid. */
static long
to_self(long r, int who, int sig, siginfo_t *si)
{
	if (r == -ECAPMODE)
		r = cm_sc4(CM_NR_pidfd_send_signal, who, sig, si, 0);
	return (r);
}

CM_EXPORT int
kill(pid_t pid, int sig)
{
	if (pid == self_pid())
		return ((int)cm_ret(to_self(cm_sc2(SYS_kill, pid, sig),
		    PIDFD_SELF_THREAD_GROUP, sig, NULL)));
	if (cap_sandboxed())
		return ((int)cm_ret(-ECAPMODE));
	return ((int)cm_ret(cm_sc2(SYS_kill, pid, sig)));
}

CM_EXPORT int
raise(int sig)
{
	long pid = self_pid();

	return ((int)cm_ret(to_self(cm_sc3(SYS_tgkill, pid, cm_sc0(SYS_gettid),
	    sig), PIDFD_SELF_THREAD, sig, NULL)));
}

CM_EXPORT int
sigqueue(pid_t pid, int sig, const union sigval val)
{
	siginfo_t si;

	if (pid != self_pid() && cap_sandboxed())
		return ((int)cm_ret(-ECAPMODE));
	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = SI_QUEUE;
	si.si_pid = (pid_t)self_pid();
	si.si_uid = (uid_t)cm_sc0(SYS_getuid);
	si.si_value = val;
	return ((int)cm_ret(to_self(cm_sc3(SYS_rt_sigqueueinfo, pid, sig, &si),
	    PIDFD_SELF_THREAD_GROUP, sig, &si)));
}

/*
 * abort(3) signals itself through libc's own raise, which a child forked in
 * capability mode cannot do; make sure SIGABRT is delivered anyway.
 */
CM_EXPORT void
abort(void)
{
	sigset_t set;
	struct sigaction sa;

	sigemptyset(&set);
	sigaddset(&set, SIGABRT);
	(void)sigprocmask(SIG_UNBLOCK, &set, NULL);
	(void)raise(SIGABRT);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	(void)sigaction(SIGABRT, &sa, NULL);
	(void)raise(SIGABRT);
	__builtin_trap();
}
