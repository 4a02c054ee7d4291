/* E49: a child forked after cap_enter (fork and vfork) trying to leave:
 * the filter and the Landlock domain are inherited.  As on FreeBSD the
 * child may signal itself and nothing else, its parent included. Refused
 * by: seccomp and Landlock (inherited); signals to the parent by the
 * library (libc) and by seccomp or Landlock (raw). Expect: ECAPMODE,
 * EACCES; EPERM accepted for raw signals. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
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
child(struct tree *t, int held)
{
	(void)t;
	REFUSED(open("/etc/passwd", O_RDONLY), ECAPMODE);
	REFUSED(syscall(SYS_openat, held, "../secret", O_RDONLY), EACCES);
	REFUSED(kill(getppid(), 0), ECAPMODE);
	/* Signal 0: a probe that harms nothing if it gets through. */
	REFUSED2(syscall(SYS_kill, getppid(), 0), ECAPMODE, EPERM);
	REFUSED2(syscall(SYS_tgkill, getppid(), getppid(), 0), ECAPMODE,
	    EPERM);
	/* Signals to itself: allowed, as in the parent (FreeBSD allows
	 * kill(getpid()) in capability mode). */
	got = 0;
	CONTROL(kill(getpid(), SIGUSR1));
	CONTROL(raise(SIGUSR1));
	CONTROL(got == 1 ? 0 : -1);
	return (esc_status());
}

static int
attack(void *arg)
{
	struct tree *t = arg;
	int held = esc_open_held(t), st;
	pid_t pid;

	signal(SIGUSR1, on_usr1);
	esc_enter();
	fflush(NULL);
	pid = fork();
	if (pid == 0)
		_exit(child(t, held));
	CONTROL(pid);
	CONTROL(waitpid(pid, &st, 0));
	if (WIFEXITED(st) && WEXITSTATUS(st) == ESC_ESCAPED)
		REFUSED(0 /* the child escaped */, ECAPMODE);
	else if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		esc_refused("forked child", -1, WIFEXITED(st) ?
		    WEXITSTATUS(st) : -1, 0);
	/* vfork: the child shares memory until it exits. */
	pid = vfork();
	if (pid == 0)
		_exit(syscall(SYS_openat, AT_FDCWD, "/", O_RDONLY) == -1 &&
		    errno == ECAPMODE ? 0 : 1);
	CONTROL(waitpid(pid, &st, 0));
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		REFUSED(0 /* the vforked child opened "/" */, ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	struct tree t;

	esc_tree(&t);
	return (esc_finish(esc_run(attack, &t, &t)));
}
