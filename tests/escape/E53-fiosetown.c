/* E53: SIGIO to another process through ioctl(FIOSETOWN / SIOCSPGRP) and
 * FIOASYNC: the ioctl twin of fcntl(F_SETOWN), which the filter refuses.
 * Refused by: seccomp (if it checks these ioctl commands) or Landlock's
 * signal scope (ABI 6: the kernel's SIGIO to a process outside the domain
 * is dropped). Expect: ECAPMODE for the ioctl, or no signal outside. */
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

#ifndef SIOCSPGRP
#define SIOCSPGRP	0x8902
#endif

struct ctx {
	pid_t	victim;
	bool	enter;		/* false: the control, outside capmode */
};

static int
attack(void *arg)
{
	struct ctx *c = arg;
	pid_t victim = c->victim;
	int sv[2], one = 1;
	long r;

	CONTROL(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	if (c->enter)
		esc_enter();
	errno = 0;
	r = syscall(SYS_ioctl, sv[0], FIOSETOWN, &victim);
	if (r == 0)
		esc_note("FIOSETOWN accepted: the signal scope must stop SIGIO");
	else
		esc_refused("ioctl(FIOSETOWN, victim)", r, errno, ECAPMODE);
	errno = 0;
	r = ioctl(sv[0], SIOCSPGRP, &victim);
	if (r != 0)
		esc_refused("ioctl(SIOCSPGRP, victim)", r, errno, ECAPMODE);
	(void)ioctl(sv[0], FIOASYNC, &one);
	/* Data arrives: the kernel sends SIGIO to the owner. */
	CONTROL(write(sv[1], "x", 1));
	CONTROL(write(sv[1], "y", 1));
	return (esc_status());
}

int
main(void)
{
	struct ctx c = { getpid(), false };
	struct timespec ts = { 0, 200000000 };
	sigset_t set;
	int st;

	if (landlock_abi() < 6)
		esc_note("Landlock ABI < 6: only seccomp can stop this");
	sigemptyset(&set);
	sigaddset(&set, SIGIO);
	sigaddset(&set, SIGURG);
	sigprocmask(SIG_BLOCK, &set, NULL);
	/* Control: outside capability mode the SIGIO does arrive. */
	st = esc_run(attack, &c, NULL);
	CONTROL(st == 0 && sigtimedwait(&set, NULL, &ts) == SIGIO ? 0 : -1);
	while (sigtimedwait(&set, NULL, &(struct timespec){ 0, 0 }) > 0)
		;	/* drain what the control left pending */
	c.enter = true;
	st = esc_run(attack, &c, NULL);
	if (sigtimedwait(&set, NULL, &ts) > 0) {
		printf("#   ESCAPE: SIGIO reached the process outside\n");
		st = ESC_ESCAPED;
	}
	return (esc_finish(st));
}
