/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * capcheck.c - the installed library keeps its two promises
 *
 * Built against the installed development package with pkg-config only.
 * A descriptor limited to reading refuses a write with ENOTCAPABLE, in
 * capability mode a global namespace (open by path) fails with ECAPMODE,
 * and a child made with pdfork is waited for through its descriptor.
 */
#include <sys/capsicum.h>
#include <sys/procdesc.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int failures;

static void
expect(const char *what, int got, int want)
{
	if (got == want) {
		printf("ok - %s\n", what);
		return;
	}
	printf("not ok - %s: errno %d (%s), expected %d (%s)\n", what, got,
	    strerror(got), want, strerror(want));
	failures++;
}

static void
expect_pdfork(void)
{
	int pd, status = 0;
	pid_t pid;

	fflush(stdout);
	if ((pid = pdfork(&pd, 0)) == -1) {
		printf("not ok - pdfork: %s\n", strerror(errno));
		failures++;
		return;
	}
	if (pid == 0)
		_exit(7);
	if (pdwait4(pd, &status, 0, NULL) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 7) {
		printf("not ok - pdwait4: status %#x\n", status);
		failures++;
		return;
	}
	printf("ok - pdfork and pdwait4 in capability mode\n");
}

int
main(int argc, char *argv[])
{
	cap_rights_t rights;
	unsigned int mode = 9;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: capcheck FILE\n");
		return (2);
	}
	if ((fd = open(argv[1], O_RDWR)) == -1) {
		perror(argv[1]);
		return (2);
	}
	cap_rights_init(&rights, CAP_READ, CAP_FSTAT);
	if (cap_rights_limit(fd, &rights) == -1) {
		perror("cap_rights_limit");
		return (1);
	}
	if (cap_enter() == -1) {
		perror("cap_enter");
		return (1);
	}
	if (cap_getmode(&mode) == -1 || mode != 1) {
		printf("not ok - cap_getmode says %u\n", mode);
		failures++;
	} else
		printf("ok - cap_getmode is 1\n");

	errno = 0;
	expect("write on a read-only capability",
	    write(fd, "x", 1) == -1 ? errno : 0, ENOTCAPABLE);
	errno = 0;
	expect("open by path in capability mode",
	    open("/etc/passwd", O_RDONLY) == -1 ? errno : 0, ECAPMODE);
	expect_pdfork();
	if (strcmp(strerror(ECAPMODE), "Not permitted in capability mode") != 0) {
		printf("not ok - strerror(ECAPMODE) is \"%s\"\n",
		    strerror(ECAPMODE));
		failures++;
	} else
		printf("ok - strerror(ECAPMODE)\n");
	return (failures != 0);
}
