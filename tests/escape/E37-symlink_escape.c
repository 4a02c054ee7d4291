/* E37: symlinks inside the held directory that point out of it (made
 * before cap_enter, or made in capability mode), followed by raw openat.
 * Refused by: Landlock (it checks where the lookup ends, not the path).
 * Expect: EACCES raw, ENOTCAPABLE through the library. */
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	struct tree *t = arg;
	int held = esc_open_held(t);

	esc_enter();
	REFUSED(syscall(SYS_openat, held, "up", O_RDONLY), EACCES);
	REFUSED(syscall(SYS_openat, held, "abs", O_RDONLY), EACCES);
	REFUSED(syscall(SYS_openat, held, "up", O_WRONLY | O_APPEND), EACCES);
	/* A new symlink may be made (as on FreeBSD), not followed out. */
	CONTROL(syscall(SYS_symlinkat, "../../../../etc/passwd", held, "new"));
	CONTROL(syscall(SYS_symlinkat, "/etc/shadow", held, "new_abs"));
	REFUSED(syscall(SYS_openat, held, "new", O_RDONLY), EACCES);
	REFUSED(syscall(SYS_openat, held, "new_abs", O_RDONLY), EACCES);
	REFUSED(openat(held, "up", O_RDONLY), ENOTCAPABLE);
	REFUSED(openat(held, "abs", O_RDONLY), ENOTCAPABLE);
	REFUSED(openat(held, "new", O_RDONLY), ENOTCAPABLE);
	/* Symlinks that stay beneath work both ways. */
	CONTROL(syscall(SYS_openat, held, "in", O_RDONLY));
	CONTROL(openat(held, "dotdot_in", O_RDONLY));
	return (esc_status());
}

int
main(void)
{
	struct tree t;

	esc_tree(&t);
	if (landlock_abi() < 1)
		esc_skip("no Landlock: raw symlink lookups are not confined "
		    "on this kernel");
	return (esc_finish(esc_run(attack, &t, &t)));
}
