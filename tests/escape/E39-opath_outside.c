/* E39: O_PATH descriptors of outside objects, obtained through ".." (an
 * O_PATH open is not a file open, and Landlock does not see it), then
 * used as a dirfd, a source for linkat(AT_EMPTY_PATH) into the held tree,
 * or an exec target. Refused by: Landlock (open of the final file, refer
 * for link, execute) and seccomp (raw execveat with a path of its own).
 * Expect: EACCES (EXDEV for a link that would gain access, ENOENT for
 * linkat without CAP_DAC_READ_SEARCH, ECAPMODE for raw execveat). */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

struct how {
	unsigned long long	flags, mode, resolve;
};

static int
attack(void *arg)
{
	struct tree *t = arg;
	struct how h = { O_RDONLY, 0, 0 };
	int held = esc_open_held(t);
	long up, sec, truefd;
	struct stat st;

	esc_enter();
	/* Landlock ignores O_PATH opens: the outside directory can be named
	 * (a documented gap: its metadata is readable). */
	up = syscall(SYS_openat, held, "..", O_PATH | O_DIRECTORY);
	sec = syscall(SYS_openat, held, "../secret", O_PATH);
	truefd = syscall(SYS_openat, held, "/bin/true", O_PATH);
	if (up < 0 || sec < 0 || truefd < 0) {
		esc_note("O_PATH outside refused too (stronger than needed)");
		return (esc_status());
	}
	esc_note("gap: O_PATH descriptors of outside objects can be made");
	REFUSED(syscall(SYS_openat, up, "secret", O_RDONLY), EACCES);
	REFUSED(syscall(SYS_openat2, up, "secret", &h, sizeof(h)), EACCES);
	REFUSED(syscall(SYS_openat, up, "newfile", O_WRONLY | O_CREAT, 0600),
	    EACCES);
	REFUSED(syscall(SYS_mkdirat, up, "newdir", 0700), EACCES);
	REFUSED(syscall(SYS_unlinkat, up, "secret", 0), EACCES);
	/* Hard-link the outside secret into the held tree, then read it. */
	REFUSED2(syscall(SYS_linkat, sec, "", held, "stolen", AT_EMPTY_PATH),
	    EXDEV, esc_root() ? EACCES : ENOENT);
	REFUSED2(syscall(SYS_linkat, up, "secret", held, "stolen2", 0), EXDEV,
	    EACCES);
	REFUSED2(syscall(SYS_renameat, up, "secret", held, "moved"), EXDEV,
	    EACCES);
	REFUSED(syscall(SYS_newfstatat, held, "stolen", &st, 0) == 0 ? 0 : -1,
	    ENOENT);
	/* Exec an outside binary through its O_PATH descriptor. */
	/* Raw execveat with our own "" is refused by seccomp outright. */
	REFUSED2(esc_exec_probe((int)truefd, "", AT_EMPTY_PATH), EACCES,
	    ECAPMODE);
	REFUSED(fexecve((int)truefd, (char *[]){ "true", NULL },
	    (char *[]){ NULL }), EACCES);
	/* Reading through the O_PATH descriptor is not possible at all. */
	REFUSED(syscall(SYS_read, sec, &st, 1), EBADF);
	return (esc_status());
}

int
main(void)
{
	struct tree t;

	esc_tree(&t);
	if (landlock_abi() < 2)
		esc_skip("Landlock ABI < 2: no refer control on this kernel");
	return (esc_finish(esc_run(attack, &t, &t)));
}
