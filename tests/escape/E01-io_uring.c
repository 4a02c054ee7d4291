/* E01: io_uring submission rings. Refused by: seccomp (io_uring_setup,
 * io_uring_enter, io_uring_register: the ring would run openat, connect and
 * friends from kernel threads, outside the filter). Expect: ECAPMODE. */
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

struct uring_params {
	unsigned int	v[30];	/* struct io_uring_params, 120 bytes */
};

static int
attack(void *arg)
{
	struct uring_params p;

	(void)arg;
	esc_enter();
	memset(&p, 0, sizeof(p));
	REFUSED(syscall(SYS_io_uring_setup, 4, &p), ECAPMODE);
	REFUSED(syscall(SYS_io_uring_enter, 3, 1, 0, 0, NULL, 0), ECAPMODE);
	REFUSED(syscall(SYS_io_uring_register, 3, 0, NULL, 0), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	struct uring_params p;
	long fd;

	memset(&p, 0, sizeof(p));
	fd = syscall(SYS_io_uring_setup, 4, &p);
	SOFT_CONTROL(fd);
	if (fd >= 0)
		close((int)fd);
	return (esc_finish(esc_run(attack, NULL, NULL)));
}
