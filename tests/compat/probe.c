/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * probe.c - enter capability mode and report, for the old-kernel tests
 *
 * usage: probe DIR      (CAPMODE_STRICT=1 in the environment for strict mode)
 *
 * Prints "enter: ok" or "enter: <errno name>", "mode: 0|1", the status
 * report of cap_mode_status_format(), then one line per probe:
 *   lib-escape   openat(dir, "../x") through the library (ENOTCAPABLE expected)
 *   raw-escape   syscall(SYS_openat, dir, "..") (EACCES when Landlock holds)
 *   raw-global   syscall(SYS_openat, AT_FDCWD, "/") (ECAPMODE when seccomp holds)
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cap_mode.h>
#include <sys/capsicum.h>

static const char *
ename(int e)
{
	switch (e) {
	case 0: return ("ok");
	case ECAPMODE: return ("ECAPMODE");
	case ENOTCAPABLE: return ("ENOTCAPABLE");
	case EACCES: return ("EACCES");
	case ENOTSUP: return ("ENOTSUP");
	case ENOSYS: return ("ENOSYS");
	case EBUSY: return ("EBUSY");
	default: return (strerror(e));
	}
}

static void
probe(const char *name, long r)
{
	printf("%s: %s\n", name, ename(r >= 0 ? 0 : errno));
	if (r >= 0)
		close((int)r);
}

int
main(int argc, char *argv[])
{
	char report[4096];
	unsigned int mode = 0;
	int dir, r;

	if (argc != 2 || (dir = open(argv[1], O_RDONLY | O_DIRECTORY |
	    O_CLOEXEC)) < 0) {
		fprintf(stderr, "usage: probe DIR\n");
		return (2);
	}
	r = cap_enter();
	printf("enter: %s\n", ename(r == 0 ? 0 : errno));
	(void)cap_getmode(&mode);
	printf("mode: %u\n", mode);
	(void)cap_mode_status_format(report, sizeof(report));
	fputs(report, stdout);
	probe("lib-escape", openat(dir, "../", O_RDONLY | O_CLOEXEC));
	probe("raw-escape", syscall(SYS_openat, dir, "..", O_RDONLY | O_CLOEXEC));
	probe("raw-global", syscall(SYS_openat, AT_FDCWD, "/", O_RDONLY | O_CLOEXEC));
	return (0);
}
