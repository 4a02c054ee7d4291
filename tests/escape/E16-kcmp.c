/* E16: kcmp, which compares kernel objects of other processes (an
 * information channel about their descriptors and memory). Refused by:
 * seccomp. Expect: ECAPMODE. */
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

#define KCMP_FILE_	0
#define KCMP_VM_	1

static int
attack(void *arg)
{
	pid_t victim = *(pid_t *)arg;

	esc_enter();
	REFUSED(syscall(SYS_kcmp, getpid(), victim, KCMP_FILE_, 0, 0),
	    ECAPMODE);
	REFUSED(syscall(SYS_kcmp, getpid(), victim, KCMP_VM_, 0, 0), ECAPMODE);
	REFUSED(syscall(SYS_kcmp, getpid(), getpid(), KCMP_FILE_, 1, 1),
	    ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	pid_t me = getpid();

	SOFT_CONTROL(syscall(SYS_kcmp, me, me, KCMP_FILE_, 1, 1));
	return (esc_finish(esc_run(attack, &me, NULL)));
}
