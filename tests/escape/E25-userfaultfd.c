/* E25: userfaultfd (stalling the kernel inside copy_from_user, the
 * standard tool for kernel race exploits). Refused by: seccomp.
 * Expect: ECAPMODE. */
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	(void)arg;
	esc_enter();
	REFUSED(syscall(SYS_userfaultfd, O_CLOEXEC), ECAPMODE);
	REFUSED(syscall(SYS_userfaultfd, O_CLOEXEC | 1 /* UFFD_USER_MODE_ONLY */),
	    ECAPMODE);
	REFUSED(open("/dev/userfaultfd", O_RDWR), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	return (esc_finish(esc_run(attack, NULL, NULL)));
}
