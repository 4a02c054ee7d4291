/* E27: pidfds of other processes (pidfd_open by pid, pidfd_getfd to steal
 * their descriptors). Refused by: seccomp (pidfd_open, pidfd_getfd).
 * Expect: ECAPMODE. */
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open	434
#endif
#ifndef SYS_pidfd_getfd
#define SYS_pidfd_getfd	438
#endif

struct ctx {
	pid_t	victim;
	int	pidfd;
};

static int
attack(void *arg)
{
	struct ctx *c = arg;

	esc_enter();
	REFUSED(syscall(SYS_pidfd_open, c->victim, 0), ECAPMODE);
	REFUSED(syscall(SYS_pidfd_open, 1, 0), ECAPMODE);
	REFUSED(syscall(SYS_pidfd_open, getpid(), 0), ECAPMODE);
	if (c->pidfd >= 0)
		REFUSED(syscall(SYS_pidfd_getfd, c->pidfd, 0, 0), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	struct ctx c = { getpid(), -1 };

	c.pidfd = (int)syscall(SYS_pidfd_open, c.victim, 0);
	CONTROL(c.pidfd);
	return (esc_finish(esc_run(attack, &c, NULL)));
}
