/* E36: absolute paths given with a real dirfd (the kernel ignores the
 * dirfd, and the seccomp filter only checks that it is not AT_FDCWD).
 * Refused by: Landlock. Expect: EACCES raw, ENOTCAPABLE through the
 * library. */
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
	char secret[PATH_MAX + 16], inside[PATH_MAX + 16];
	int held = esc_open_held(t);

	snprintf(secret, sizeof(secret), "%s/secret", t->base);
	snprintf(inside, sizeof(inside), "%s/inside", t->held);
	esc_enter();
	REFUSED(syscall(SYS_openat, held, "/etc/passwd", O_RDONLY), EACCES);
	REFUSED(syscall(SYS_openat, held, secret, O_RDONLY), EACCES);
	REFUSED(syscall(SYS_openat, held, "/", O_RDONLY | O_DIRECTORY),
	    EACCES);
	REFUSED(syscall(SYS_openat2, held, "/etc/passwd", &h, sizeof(h)),
	    ENOSYS);
	REFUSED(syscall(SYS_openat, held, "/tmp/capmode-e36",
	    O_WRONLY | O_CREAT, 0600), EACCES);
	REFUSED(openat(held, "/etc/passwd", O_RDONLY), ENOTCAPABLE);
	REFUSED(openat(held, secret, O_RDONLY), ENOTCAPABLE);
	/* An absolute path to a file beneath the held directory reaches
	 * only what Landlock grants anyway. */
	CONTROL(syscall(SYS_openat, held, inside, O_RDONLY));
	return (esc_status());
}

int
main(void)
{
	struct tree t;
	struct stat st;
	int st_child;

	esc_tree(&t);
	if (landlock_abi() < 1)
		esc_skip("no Landlock: absolute paths with a dirfd are not "
		    "confined on this kernel");
	st_child = esc_run(attack, &t, &t);
	if (stat("/tmp/capmode-e36", &st) == 0) {
		unlink("/tmp/capmode-e36");
		printf("#   ESCAPE: /tmp/capmode-e36 was created\n");
		st_child = ESC_ESCAPED;
	}
	return (esc_finish(st_child));
}
