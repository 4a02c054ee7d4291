/* E44: signalling a process outside through a pidfd held at cap_enter
 * (pidfd_send_signal is allowed for process descriptors, and seccomp
 * cannot tell whose pidfd it is). Refused by: Landlock's signal scope
 * (ABI 6). Expect: EPERM. */
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open	434
#endif
#ifndef SYS_pidfd_send_signal
#define SYS_pidfd_send_signal	424
#endif

static int
attack(void *arg)
{
	int pidfd = *(int *)arg;

	esc_enter();
	REFUSED(syscall(SYS_pidfd_send_signal, pidfd, SIGUSR2, NULL, 0),
	    EPERM);
	REFUSED(syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0), EPERM);
	return (esc_status());
}

int
main(void)
{
	struct timespec ts = { 0, 0 };
	sigset_t set;
	int pidfd, st;

	if (landlock_abi() < 6)
		esc_skip("Landlock ABI < 6: signals are not scoped on this "
		    "kernel");
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	pidfd = (int)syscall(SYS_pidfd_open, getpid(), 0);
	CONTROL(pidfd);
	CONTROL(syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0));
	st = esc_run(attack, &pidfd, NULL);
	if (sigtimedwait(&set, NULL, &ts) == SIGUSR2) {
		printf("#   ESCAPE: SIGUSR2 reached the parent\n");
		st = ESC_ESCAPED;
	}
	return (esc_finish(st));
}
