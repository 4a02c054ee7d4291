/* E04: the working directory as a way back into the global namespace
 * (chdir, or fchdir to a held directory followed by AT_FDCWD lookups).
 * Refused by: seccomp (chdir; every *at with AT_FDCWD even after fchdir).
 * Expect: ECAPMODE. */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	struct tree *t = arg;
	struct stat st;
	int held = esc_open_held(t);

	esc_enter();
	REFUSED(chdir("/"), ECAPMODE);
	REFUSED(chdir(".."), ECAPMODE);
	REFUSED(syscall(SYS_chdir, "/"), ECAPMODE);
	/* fchdir to a held directory is allowed, as on FreeBSD ... */
	CONTROL(fchdir(held));
	/* ... but the working directory grants nothing afterwards. */
	REFUSED(open("inside", O_RDONLY), ECAPMODE);
	REFUSED(open("../secret", O_RDONLY), ECAPMODE);
	REFUSED(syscall(SYS_openat, AT_FDCWD, "inside", O_RDONLY), ECAPMODE);
	REFUSED(syscall(SYS_openat, AT_FDCWD, "../secret", O_RDONLY),
	    ECAPMODE);
	REFUSED(syscall(SYS_newfstatat, AT_FDCWD, "..", &st, 0), ECAPMODE);
	REFUSED(syscall(SYS_mkdirat, AT_FDCWD, "../x", 0700), ECAPMODE);
	REFUSED(syscall(SYS_unlinkat, AT_FDCWD, "../secret", 0), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	struct tree t;

	esc_tree(&t);
	return (esc_finish(esc_run(attack, &t, &t)));
}
