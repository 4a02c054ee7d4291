/* E31: F_SETOWN / F_SETOWN_EX, which make the kernel send SIGIO/SIGURG to
 * another process or group (a signal outside). Refused by: seccomp
 * (fcntl cmd). Expect: ECAPMODE. */
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	pid_t victim = *(pid_t *)arg;
	int p[2];
	struct f_owner_ex ex = { F_OWNER_PID, victim };

	esc_enter();
	CONTROL(pipe(p));
	REFUSED(fcntl(p[0], F_SETOWN, victim), ECAPMODE);
	REFUSED(fcntl(p[0], F_SETOWN, -getpgrp()), ECAPMODE);
	REFUSED(fcntl(p[0], F_SETOWN_EX, &ex), ECAPMODE);
	REFUSED(syscall(SYS_fcntl, p[0], F_SETOWN, victim), ECAPMODE);
	REFUSED(syscall(SYS_fcntl, p[0], 0x100000000L | F_SETOWN, victim),
	    ECAPMODE);
	REFUSED(syscall(SYS_fcntl, p[0], F_SETOWN_EX, &ex), ECAPMODE);
	/* Reading the owner and other fcntls stay allowed. */
	CONTROL(fcntl(p[0], F_GETOWN));
	CONTROL(fcntl(p[0], F_GETFL));
	return (esc_status());
}

int
main(void)
{
	pid_t me = getpid();

	return (esc_finish(esc_run(attack, &me, NULL)));
}
