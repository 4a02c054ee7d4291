/* E17: mounting and unmounting (the classic mount-namespace escapes: bind
 * mount / over a held directory, unmount what hides something). Refused
 * by: seccomp (mount, umount2). Expect: ECAPMODE. */
#include <sys/mount.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	struct tree *t = arg;

	esc_enter();
	REFUSED(mount("/", t->held, NULL, MS_BIND | MS_REC, NULL), ECAPMODE);
	REFUSED(mount("none", t->held, "tmpfs", 0, NULL), ECAPMODE);
	REFUSED(umount2(t->held, MNT_DETACH), ECAPMODE);
	REFUSED(syscall(SYS_mount, "/", t->held, NULL, MS_BIND, NULL),
	    ECAPMODE);
	REFUSED(syscall(SYS_mount, NULL, "/", NULL, MS_REMOUNT | MS_RDONLY,
	    NULL), ECAPMODE);
	REFUSED(syscall(SYS_umount2, "/proc", MNT_DETACH), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	struct tree t;

	esc_tree(&t);
	return (esc_finish(esc_run(attack, &t, &t)));
}
