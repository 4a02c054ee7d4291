/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * helper_confined.c - exec'd by escape programs after cap_enter; checks,
 * with raw system calls only, that capability mode survived the exec
 *
 * usage: helper_confined [HELDFD]
 *   HELDFD  a directory descriptor held at cap_enter: a raw
 *           openat(HELDFD, "../secret") must fail with EACCES (Landlock)
 *
 * Exit status: 0 confined, 1 escaped, 2 refused with the wrong errno.
 * Static and without the library: after cap_enter no loader can open
 * shared libraries, and the point is that the kernel, not a library in
 * this process, keeps the confinement.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#define ECAPMODE_	134

static int
expect(const char *what, long r, int want)
{
	if (r >= 0) {
		printf("#   helper: ESCAPE: %s succeeded\n", what);
		return (1);
	}
	if (errno != want) {
		printf("#   helper: WRONG: %s: errno %d, expected %d\n", what,
		    errno, want);
		return (2);
	}
	printf("#   helper: refused: %s -> %d\n", what, errno);
	return (0);
}

int
main(int argc, char *argv[])
{
	int st = 0, r;

	r = expect("openat(AT_FDCWD, \"/\")", syscall(SYS_openat, AT_FDCWD,
	    "/", O_RDONLY | O_CLOEXEC), ECAPMODE_);
	st = r > st ? r : st;
	/* The question cap_getmode() asks the kernel after an exec. */
	r = expect("faccessat(AT_FDCWD, \"\")", syscall(SYS_faccessat,
	    AT_FDCWD, "", F_OK), ECAPMODE_);
	st = r == 1 || st == 1 ? 1 : (r > st ? r : st);
	r = expect("socket(AF_INET)", syscall(SYS_socket, AF_INET,
	    SOCK_STREAM, 0), ECAPMODE_);
	st = r == 1 || st == 1 ? 1 : (r > st ? r : st);
	/* A path that does not exist: outside capability mode this fails
	 * with ENOENT instead of replacing the helper. */
	fflush(stdout);
	r = expect("execve(\"/nonexistent\")", syscall(SYS_execve,
	    "/nonexistent/capmode-helper", argv, NULL), ECAPMODE_);
	st = r == 1 || st == 1 ? 1 : (r > st ? r : st);
	if (argc > 1) {
		int fd = atoi(argv[1]);

		r = expect("openat(held, \"../secret\")", syscall(SYS_openat,
		    fd, "../secret", O_RDONLY | O_CLOEXEC), EACCES);
		st = r == 1 || st == 1 ? 1 : (r > st ? r : st);
	}
	fflush(stdout);
	return (st);
}
