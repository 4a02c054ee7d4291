/* E18: the new mount API (fsopen, fsconfig, fsmount, move_mount,
 * open_tree, fspick, mount_setattr), which works on descriptors and could
 * clone the root mount into a held directory. Refused by: seccomp.
 * Expect: ECAPMODE. */
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

#ifndef SYS_mount_setattr
#define SYS_mount_setattr	442
#endif
#define OPEN_TREE_CLONE_	1
#define MOVE_MOUNT_F_EMPTY_PATH_	0x4

static int
attack(void *arg)
{
	int held = *(int *)arg;

	esc_enter();
	REFUSED(syscall(SYS_fsopen, "tmpfs", 0), ECAPMODE);
	REFUSED(syscall(SYS_fsconfig, 3, 0, NULL, NULL, 0), ECAPMODE);
	REFUSED(syscall(SYS_fsmount, 3, 0, 0), ECAPMODE);
	REFUSED(syscall(SYS_open_tree, AT_FDCWD, "/", OPEN_TREE_CLONE_),
	    ECAPMODE);
	REFUSED(syscall(SYS_open_tree, held, "", OPEN_TREE_CLONE_ |
	    AT_EMPTY_PATH), ECAPMODE);
	REFUSED(syscall(SYS_move_mount, held, "", held, "sub",
	    MOVE_MOUNT_F_EMPTY_PATH_), ECAPMODE);
	REFUSED(syscall(SYS_fspick, held, "", 0), ECAPMODE);
	REFUSED(syscall(SYS_mount_setattr, held, "", AT_EMPTY_PATH, NULL, 0),
	    ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	struct tree t;
	int held;

	esc_tree(&t);
	held = esc_open_held(&t);
	return (esc_finish(esc_run(attack, &held, &t)));
}
