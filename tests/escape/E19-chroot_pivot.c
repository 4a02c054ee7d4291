/* E19: chroot and pivot_root (changing what "/" means, the first step of
 * the chroot-escape family). Refused by: seccomp. Expect: ECAPMODE. */
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	struct tree *t = arg;

	esc_enter();
	REFUSED(chroot(t->held), ECAPMODE);
	REFUSED(syscall(SYS_chroot, t->held), ECAPMODE);
	REFUSED(syscall(SYS_chroot, "."), ECAPMODE);
	REFUSED(syscall(SYS_pivot_root, t->held, t->held), ECAPMODE);
	REFUSED(syscall(SYS_pivot_root, ".", "."), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	struct tree t;

	esc_tree(&t);
	return (esc_finish(esc_run(attack, &t, &t)));
}
