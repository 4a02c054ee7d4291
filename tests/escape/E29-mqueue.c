/* E29: POSIX message queues (mq_open/mq_unlink name a global namespace).
 * Refused by: seccomp. Expect: ECAPMODE. */
#include <fcntl.h>
#include <mqueue.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	(void)arg;
	esc_enter();
	REFUSED((long)mq_open("/capmode-e29", O_RDWR | O_CREAT, 0600, NULL),
	    ECAPMODE);
	REFUSED(mq_unlink("/capmode-e29"), ECAPMODE);
	REFUSED(syscall(SYS_mq_open, "capmode-e29", O_RDWR | O_CREAT, 0600,
	    NULL), ECAPMODE);
	REFUSED(syscall(SYS_mq_unlink, "capmode-e29"), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	long q = syscall(SYS_mq_open, "capmode-e29c", O_RDWR | O_CREAT |
	    O_CLOEXEC, 0600, NULL);

	SOFT_CONTROL(q);
	if (q >= 0) {
		close((int)q);
		syscall(SYS_mq_unlink, "capmode-e29c");
	}
	return (esc_finish(esc_run(attack, NULL, NULL)));
}
