/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * capdemo.c - a short demonstration of capability mode (make demo)
 *
 * Holds one scratch directory, limits it, enters capability mode, then
 * shows what still works and what the kernel refuses, through libc and
 * through raw system calls.
 */
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cap_mode.h>
#include <capsicum_helpers.h>
#include <sys/capsicum.h>

static int failures;

static void
expect(const char *what, long r, int want_errno)
{
	int e = r < 0 ? errno : 0;
	bool ok = want_errno == 0 ? r >= 0 : (r < 0 && e == want_errno);

	printf("  %-52s %s%s\n", what,
	    r >= 0 ? "allowed" : cap_mode_strerror(e), ok ? "" : "   <-- UNEXPECTED");
	if (!ok)
		failures++;
}

int
main(void)
{
	char tmpl[] = "/tmp/capdemo.XXXXXX", buf[64], status[2048];
	cap_rights_t rights;
	int dir, fd;

	if (mkdtemp(tmpl) == NULL || (dir = open(tmpl, O_RDONLY |
	    O_DIRECTORY | O_CLOEXEC)) < 0) {
		perror("capdemo: scratch directory");
		return (1);
	}
	cap_rights_init(&rights, CAP_LOOKUP, CAP_READ, CAP_WRITE, CAP_CREATE,
	    CAP_SEEK, CAP_FSTAT, CAP_FSTATAT, CAP_UNLINKAT, CAP_FTRUNCATE);
	if (cap_rights_limit(dir, &rights) < 0 || caph_limit_stdio() < 0) {
		perror("capdemo: cap_rights_limit");
		return (1);
	}
	printf("capdemo: holding %s as fd %d; entering capability mode\n",
	    tmpl, dir);
	if (cap_enter() < 0) {
		perror("capdemo: cap_enter");
		return (1);
	}
	(void)cap_mode_status_format(status, sizeof(status));
	printf("%s\n", status);

	printf("inside the held directory:\n");
	fd = openat(dir, "note", O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	expect("openat(dir, \"note\", O_CREAT)", fd, 0);
	expect("write(note)", write(fd, "hello\n", 6), 0);
	expect("pread(note)", pread(fd, buf, sizeof(buf), 0), 0);
	expect("unlinkat(dir, \"note\")", unlinkat(dir, "note", 0), 0);

	printf("global namespaces:\n");
	expect("open(\"/etc/passwd\")", open("/etc/passwd", O_RDONLY),
	    ECAPMODE);
	expect("syscall(SYS_openat, AT_FDCWD, \"/etc/passwd\")",
	    syscall(SYS_openat, AT_FDCWD, "/etc/passwd", O_RDONLY), ECAPMODE);
	expect("execve(\"/bin/sh\")",
	    execve("/bin/sh", (char *[]){ "sh", NULL }, NULL), ECAPMODE);
	expect("kill(1, 0)", kill(1, 0), ECAPMODE);

	printf("escaping the held directory:\n");
	expect("openat(dir, \"../../etc/passwd\")",
	    openat(dir, "../../etc/passwd", O_RDONLY), ENOTCAPABLE);
	expect("openat(dir, \"/etc/passwd\")",
	    openat(dir, "/etc/passwd", O_RDONLY), ENOTCAPABLE);
	expect("syscall(SYS_openat, dir, \"/etc/passwd\") (Landlock)",
	    syscall(SYS_openat, dir, "/etc/passwd", O_RDONLY), EACCES);
	expect("syscall(SYS_openat, dir, \"../..\") (Landlock)",
	    syscall(SYS_openat, dir, "../../etc/passwd", O_RDONLY), EACCES);

	printf("rights of the descriptor:\n");
	cap_rights_init(&rights, CAP_LOOKUP, CAP_READ);
	expect("cap_rights_limit(stdin, +CAP_LOOKUP) (widening)",
	    cap_rights_limit(STDIN_FILENO, &rights), ENOTCAPABLE);
	expect("read(stdout) (stdout has no CAP_READ)",
	    read(STDOUT_FILENO, buf, 1), ENOTCAPABLE);

	printf(failures == 0 ? "capdemo: every call behaved as expected\n" :
	    "capdemo: %d unexpected results\n", failures);
	return (failures == 0 ? 0 : 1);
}
