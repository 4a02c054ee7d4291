/* E02: opening files by global path. Refused by: seccomp (open, creat,
 * openat with AT_FDCWD; openat2 always, ENOSYS). Expect: ECAPMODE. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

struct how {
	unsigned long long	flags, mode, resolve;
};

/* fopen(3) as a -1/errno call. */
static long
fopen_r(const char *path)
{
	FILE *fp = fopen(path, "r");

	if (fp == NULL)
		return (-1);
	fclose(fp);
	return (0);
}

static int
attack(void *arg)
{
	struct how h = { O_RDONLY, 0, 0 };

	(void)arg;
	esc_enter();
	REFUSED(open("/etc/passwd", O_RDONLY), ECAPMODE);
	REFUSED(open(".", O_RDONLY | O_DIRECTORY), ECAPMODE);
	REFUSED(openat(AT_FDCWD, "/etc/passwd", O_RDONLY), ECAPMODE);
	REFUSED(creat("/tmp/capmode-escape-creat", 0600), ECAPMODE);
	REFUSED(fopen_r("/etc/passwd"), ECAPMODE);
	REFUSED(syscall(SYS_open, "/etc/passwd", O_RDONLY), ECAPMODE);
	REFUSED(syscall(SYS_creat, "/tmp/capmode-escape-creat", 0600),
	    ECAPMODE);
	REFUSED(syscall(SYS_openat, AT_FDCWD, "/etc/passwd", O_RDONLY),
	    ECAPMODE);
	REFUSED(syscall(SYS_openat, AT_FDCWD, "etc", O_RDONLY), ECAPMODE);
	/* Only the low 32 bits of dirfd count: AT_FDCWD with high bits. */
	REFUSED(syscall(SYS_openat, 0xffffffff00000000L | (unsigned)AT_FDCWD,
	    "/etc/passwd", O_RDONLY), ECAPMODE);
	REFUSED(syscall(SYS_openat2, AT_FDCWD, "/etc/passwd", &h, sizeof(h)),
	    ENOSYS);
	return (esc_status());
}

int
main(void)
{
	int fd = open("/etc/passwd", O_RDONLY | O_CLOEXEC);

	CONTROL(fd);
	if (fd >= 0)
		close(fd);
	return (esc_finish(esc_run(attack, NULL, NULL)));
}
