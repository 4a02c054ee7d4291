/* E21: clone with CLONE_NEW* flags (a child in fresh namespaces), and
 * clone3, whose flags live in memory where seccomp cannot read them.
 * Refused by: seccomp (clone flags; clone3 answers ENOSYS so libc falls
 * back to clone). Expect: ECAPMODE, and ENOSYS for clone3. */
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "esc.h"

struct clone_args_ {
	uint64_t	flags, pidfd, child_tid, parent_tid, exit_signal,
			stack, stack_size, tls, set_tid, set_tid_size, cgroup;
};

/* A raw clone that returns in the child on the same stack, like fork. */
static long
raw_clone(unsigned long flags)
{
	long r = syscall(SYS_clone, flags | SIGCHLD, NULL, NULL, NULL, 0);

	if (r == 0)
		_exit(0);	/* the child of a clone that went through */
	if (r > 0)
		waitpid((pid_t)r, NULL, 0);
	return (r);
}

static int
attack(void *arg)
{
	struct clone_args_ ca;
	pid_t pid;
	int st;

	(void)arg;
	esc_enter();
	REFUSED(raw_clone(CLONE_NEWUSER), ECAPMODE);
	REFUSED(raw_clone(CLONE_NEWNS), ECAPMODE);
	REFUSED(raw_clone(CLONE_NEWPID), ECAPMODE);
	REFUSED(raw_clone(CLONE_NEWNET), ECAPMODE);
	REFUSED(raw_clone(CLONE_NEWUTS | CLONE_NEWIPC), ECAPMODE);
	REFUSED(raw_clone(CLONE_NEWCGROUP), ECAPMODE);
	/* Flags in the high half are ignored by the kernel's int flags. */
	REFUSED(raw_clone(0xffffffff00000000UL | CLONE_NEWUSER), ECAPMODE);
	memset(&ca, 0, sizeof(ca));
	ca.flags = CLONE_NEWUSER | CLONE_NEWNS;
	ca.exit_signal = SIGCHLD;
	REFUSED(syscall(SYS_clone3, &ca, sizeof(ca)), ENOSYS);
	ca.flags = 0;
	REFUSED(syscall(SYS_clone3, &ca, sizeof(ca)), ENOSYS);
	/* A plain fork still works, and its child is confined. */
	pid = fork();
	if (pid == 0)
		_exit(syscall(SYS_openat, AT_FDCWD, "/", 0) == -1 &&
		    errno == ECAPMODE ? 0 : 1);
	CONTROL(pid);
	CONTROL(waitpid(pid, &st, 0));
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		REFUSED(0 /* the forked child could open "/" */, ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	return (esc_finish(esc_run(attack, NULL, NULL)));
}
