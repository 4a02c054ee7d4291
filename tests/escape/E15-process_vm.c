/* E15: reading and writing another process's memory
 * (process_vm_readv/writev). Refused by: seccomp. Expect: ECAPMODE. */
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "esc.h"

static char secret[16] = "outside secret";

static int
attack(void *arg)
{
	pid_t victim = *(pid_t *)arg;
	char buf[16];
	struct iovec local = { buf, sizeof(buf) };
	struct iovec remote = { secret, sizeof(secret) };

	esc_enter();
	REFUSED(process_vm_readv(victim, &local, 1, &remote, 1, 0), ECAPMODE);
	REFUSED(process_vm_writev(victim, &local, 1, &remote, 1, 0),
	    ECAPMODE);
	REFUSED(syscall(SYS_process_vm_readv, victim, &local, 1, &remote, 1,
	    0), ECAPMODE);
	REFUSED(syscall(SYS_process_vm_writev, victim, &local, 1, &remote, 1,
	    0), ECAPMODE);
	/* Our own memory is no secret, but the call is refused outright. */
	REFUSED(syscall(SYS_process_vm_readv, getpid(), &local, 1, &remote, 1,
	    0), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	pid_t me = getpid();
	char buf[16];
	struct iovec local = { buf, sizeof(buf) };
	struct iovec remote = { secret, sizeof(secret) };

	CONTROL(process_vm_readv(me, &local, 1, &remote, 1, 0));
	return (esc_finish(esc_run(attack, &me, NULL)));
}
