/* E20: new or foreign namespaces (unshare, setns), where a user namespace
 * would give root-like powers and a mount namespace a fresh "/". Refused
 * by: seccomp. Expect: ECAPMODE. */
#include <fcntl.h>
#include <sched.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	int nsfd = *(int *)arg;

	esc_enter();
	REFUSED(unshare(CLONE_NEWUSER), ECAPMODE);
	REFUSED(unshare(CLONE_NEWNS), ECAPMODE);
	REFUSED(unshare(CLONE_NEWNET | CLONE_NEWUTS | CLONE_NEWIPC), ECAPMODE);
	REFUSED(syscall(SYS_unshare, CLONE_NEWUSER | CLONE_NEWNS), ECAPMODE);
	REFUSED(syscall(SYS_unshare, CLONE_NEWPID), ECAPMODE);
	REFUSED(syscall(SYS_unshare, CLONE_NEWCGROUP), ECAPMODE);
	REFUSED(syscall(SYS_unshare, 0x80 /* CLONE_NEWTIME */), ECAPMODE);
	if (nsfd >= 0) {
		REFUSED(setns(nsfd, 0), ECAPMODE);
		REFUSED(syscall(SYS_setns, nsfd, CLONE_NEWNS), ECAPMODE);
	}
	REFUSED(syscall(SYS_setns, 0, 0), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	int nsfd = open("/proc/self/ns/mnt", O_RDONLY | O_CLOEXEC);

	SOFT_CONTROL(nsfd);
	return (esc_finish(esc_run(attack, &nsfd, NULL)));
}
