/* E44: signalling a process outside through pidfd_send_signal on a
 * descriptor that is not a process descriptor: a /proc/<pid> directory
 * opened beneath a held /proc (the kernel accepts those as pidfds). Only
 * pdfork's descriptors carry the right to signal, as on FreeBSD. Refused
 * by: Landlock (a held procfs directory gets no rule, so /proc/<pid>
 * cannot be opened beneath it) and seccomp (no O_PATH). Expect: EACCES,
 * ECAPMODE, and no signal outside. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal	424
#endif

struct ctx {
	int	proc;
	pid_t	victim;
};

static int
attack(void *arg)
{
	struct ctx *c = arg;
	char name[16];
	long pfd;

	snprintf(name, sizeof(name), "%d", (int)c->victim);
	esc_enter();
	REFUSED(pfd = syscall(SYS_openat, c->proc, name, O_RDONLY |
	    O_DIRECTORY), EACCES);
	/* Had it opened, it must not signal. */
	if (pfd >= 0) {
		REFUSED2(syscall(SYS_pidfd_send_signal, pfd, SIGUSR2, NULL, 0),
		    EPERM, ECAPMODE);
		REFUSED2(syscall(SYS_pidfd_send_signal, pfd, 0, NULL, 0),
		    EPERM, ECAPMODE);
	}
	/* O_PATH descriptors are refused, and would not be pidfds. */
	REFUSED(pfd = syscall(SYS_openat, c->proc, name, O_PATH |
	    O_DIRECTORY), ECAPMODE);
	if (pfd >= 0)
		REFUSED2(syscall(SYS_pidfd_send_signal, pfd, SIGUSR2, NULL, 0),
		    EBADF, EPERM);
	return (esc_status());
}

int
main(void)
{
	struct timespec ts = { 0, 0 };
	struct ctx c = { -1, getpid() };
	char name[16];
	sigset_t set;
	long pfd;
	int st;

	c.proc = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (c.proc < 0)
		esc_skip("/proc is not mounted");
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	/* Control: outside capability mode this does signal. */
	snprintf(name, sizeof(name), "%d", (int)c.victim);
	pfd = openat(c.proc, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	CONTROL(syscall(SYS_pidfd_send_signal, pfd, 0, NULL, 0));
	close((int)pfd);
	st = esc_run(attack, &c, NULL);
	if (sigtimedwait(&set, NULL, &ts) == SIGUSR2) {
		printf("#   ESCAPE: SIGUSR2 reached the parent\n");
		st = ESC_ESCAPED;
	}
	return (esc_finish(st));
}
