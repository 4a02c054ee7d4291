/* E13: signals to processes outside the sandbox (the parent, init, the
 * process group, every process), by kill, tgkill, tkill, rt_sigqueueinfo
 * and rt_tgsigqueueinfo. Refused by: seccomp (every pid but ours, and all
 * groups); the library answers libc calls the same way. Expect: ECAPMODE
 * (EPERM accepted for single pids where Landlock scopes signals, ABI 6). */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static volatile sig_atomic_t got;

static void
on_usr1(int sig)
{
	(void)sig;
	got = 1;
}

static int
attack(void *arg)
{
	pid_t victim = *(pid_t *)arg;
	siginfo_t si;
	int scoped = landlock_abi() >= 6 ? EPERM : ECAPMODE;

	esc_enter();
	memset(&si, 0, sizeof(si));
	si.si_code = SI_QUEUE;
	si.si_pid = getpid();
	si.si_uid = getuid();
	/* Signal 0 only probes; a refusal must come first anyway. */
	REFUSED(kill(victim, 0), ECAPMODE);
	REFUSED(kill(victim, SIGUSR2), ECAPMODE);
	REFUSED(kill(1, 0), ECAPMODE);
	REFUSED(kill(0, 0), ECAPMODE);			/* our group */
	REFUSED(kill(-getpgrp(), 0), ECAPMODE);
	REFUSED(kill(-1, 0), ECAPMODE);			/* everyone */
	REFUSED2(syscall(SYS_kill, victim, SIGUSR2), ECAPMODE, scoped);
	REFUSED2(syscall(SYS_kill, victim | 0x100000000L, 0), ECAPMODE, scoped);
	REFUSED2(syscall(SYS_tgkill, victim, victim, SIGUSR2), ECAPMODE, scoped);
	REFUSED2(syscall(SYS_tkill, victim, SIGUSR2), ECAPMODE, scoped);
	REFUSED2(syscall(SYS_rt_sigqueueinfo, victim, SIGUSR2, &si), ECAPMODE, scoped);
	REFUSED2(syscall(SYS_rt_tgsigqueueinfo, victim, victim, SIGUSR2, &si),
	    ECAPMODE, scoped);
	/* Groups and "everyone" are refused by seccomp itself. */
	REFUSED(syscall(SYS_kill, 0, 0), ECAPMODE);
	REFUSED(syscall(SYS_kill, -1, 0), ECAPMODE);
	REFUSED(syscall(SYS_kill, -getpgrp(), 0), ECAPMODE);
	REFUSED(sigqueue(victim, SIGUSR2, (union sigval){ 0 }), ECAPMODE);
	/* Ourselves: allowed, as on FreeBSD. */
	CONTROL(kill(getpid(), SIGUSR1));
	CONTROL(raise(SIGUSR1));
	CONTROL(got == 1 ? 0 : -1);
	return (esc_status());
}

int
main(void)
{
	pid_t me = getpid();
	sigset_t set;
	struct timespec ts = { 0, 0 };

	/* The victim is this (outside) process; SIGUSR2 would be seen. */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGUSR1, on_usr1);
	CONTROL(kill(me, 0));
	{
		int st = esc_run(attack, &me, NULL);

		if (sigtimedwait(&set, NULL, &ts) == SIGUSR2) {
			printf("#   ESCAPE: SIGUSR2 reached the parent\n");
			st = ESC_ESCAPED;
		}
		return (esc_finish(st));
	}
}
