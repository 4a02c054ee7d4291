/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libtest.c - libcap_mode with and without the capbpf programs
 *
 * usage: libtest loaded | unloaded
 *
 * Runs inside the test virtual machine.  With the programs loaded,
 * cap_rights_limit, cap_ioctls_limit and cap_fcntls_limit narrow in the
 * kernel too, before and after cap_enter, so raw system calls are refused;
 * without them the library falls back to its own table (raw calls the
 * kernel cannot refuse go through) and says so.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cap_mode.h>
#include <sys/capsicum.h>

static int failed, passed;

static void
check(int ok, const char *what)
{
	printf("%s - libcap_mode: %s\n", ok ? "ok" : "not ok", what);
	fflush(stdout);
	if (ok)
		passed++;
	else
		failed++;
}

#define E(call)	((call) < 0 ? errno : 0)

int
main(int argc, char **argv)
{
	struct cap_mode_status st;
	cap_rights_t r;
	unsigned long one = FIONBIO;
	char report[4096], b[4];
	struct stat sb;
	int loaded, fd, fd2, n, want;

	if (argc != 2 || (strcmp(argv[1], "loaded") != 0 &&
	    strcmp(argv[1], "unloaded") != 0)) {
		fprintf(stderr, "usage: libtest loaded|unloaded\n");
		return (2);
	}
	loaded = strcmp(argv[1], "loaded") == 0;
	want = loaded ? ENOTCAPABLE : 0;
	cap_mode_status_format(report, sizeof(report));
	fputs(report, stdout);
	check(cap_mode_status(&st) == 0 &&
	    ((st.cms_available & CAP_MODE_G_BPF_RIGHTS) != 0) == loaded,
	    loaded ? "bpf-rights available" : "bpf-rights missing");
	check(strstr(report, loaded ?
	    "descriptor rights kept by: eBPF LSM (capbpf) and library\n" :
	    "descriptor rights kept by: library\n") != NULL,
	    "the report says who keeps descriptor rights");

	fd = open("/tmp/libtest", O_RDWR | O_CREAT, 0644);
	fd2 = open("/tmp/libtest2", O_RDWR | O_CREAT, 0644);
	if (fd < 0 || fd2 < 0 || write(fd, "abcd", 4) != 4) {
		check(0, "set-up");
		return (1);
	}
	cap_rights_init(&r, CAP_READ, CAP_WRITE, CAP_SEEK, CAP_IOCTL, CAP_FCNTL);
	check(cap_rights_limit(fd, &r) == 0,
	    "cap_rights_limit without CAP_FTRUNCATE and CAP_FSTAT");
	check(E(syscall(SYS_ftruncate, fd, 2)) == want,
	    loaded ? "raw ftruncate refused by the kernel" :
	    "raw ftruncate not refused without capbpf (library only)");
	/* Kept by the library's table alone: libc and the library use it. */
	check(E(syscall(SYS_fstat, fd, &sb)) == 0,
	    "raw fstat still answers (CAP_FSTAT stays with the library)");
	check(fstat(fd, &sb) == -1 && errno == ENOTCAPABLE,
	    "fstat through the library is refused");
	check(E(syscall(SYS_pread64, fd, b, 4, 0)) == 0, "raw pread still works");
	check(cap_ioctls_limit(fd, &one, 1) == 0, "cap_ioctls_limit {FIONBIO}");
	check(E(syscall(SYS_ioctl, fd, FIONREAD, &n)) == want,
	    loaded ? "raw ioctl(FIONREAD) refused by the kernel" :
	    "raw ioctl(FIONREAD) not refused without capbpf");
	check(cap_fcntls_limit(fd, CAP_FCNTL_GETFL) == 0,
	    "cap_fcntls_limit GETFL");
	check(E(syscall(SYS_fcntl, fd, F_SETFL, O_NONBLOCK)) == want,
	    loaded ? "raw fcntl(F_SETFL) refused by the kernel" :
	    "raw fcntl(F_SETFL) not refused without capbpf");
	check(E(syscall(SYS_fcntl, fd, F_GETFL)) == 0, "raw fcntl(F_GETFL) works");

	check(cap_enter() == 0, "cap_enter on this kernel");
	check(cap_mode_status(&st) == 0 &&
	    ((st.cms_enforced & CAP_MODE_G_BPF_RIGHTS) != 0) == loaded,
	    loaded ? "bpf-rights enforced in capability mode" :
	    "bpf-rights not enforced without capbpf");
	cap_rights_init(&r, CAP_READ, CAP_SEEK);
	check(cap_rights_limit(fd2, &r) == 0,
	    "cap_rights_limit in capability mode");
	check(E(syscall(SYS_pwrite64, fd2, "x", 1, 0)) == want,
	    loaded ? "raw write refused by the kernel after cap_enter" :
	    "raw write not refused without capbpf after cap_enter");
	cap_mode_status_format(report, sizeof(report));
	fputs(report, stdout);
	printf("libtest: %d passed, %d failed\n", passed, failed);
	return (failed != 0);
}
