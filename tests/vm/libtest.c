/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * libtest.c - libcap_mode with and without the capbpf programs
 *
 * usage: libtest loaded | unloaded | table
 *
 * Runs inside the test virtual machine.  With the programs loaded,
 * cap_rights_limit, cap_ioctls_limit and cap_fcntls_limit narrow in the
 * kernel too, before and after cap_enter, so raw system calls are refused;
 * without them the library falls back to its own table (raw calls the
 * kernel cannot refuse go through) and says so.
 *
 * "table" prints what cap_rights_limit and a checked read cost with 10,
 * 1,000 and 100,000 descriptors limited (root may raise RLIMIT_NOFILE
 * here), with the programs loaded or not, whichever is the case.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cap_mode.h>
#include <sys/capsicum.h>

#include "../../bench/rtable_cost.h"

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

static int
table(void)
{
	static const int sizes[] = { 10, 1000, 100000 };
	struct rlimit rl = { 100100, 100100 };
	struct cap_mode_status st;
	const char *who;
	double tl, tr;

	who = cap_mode_status(&st) == 0 &&
	    (st.cms_available & CAP_MODE_G_BPF_RIGHTS) != 0 ?
	    "capbpf loaded" : "library only";

	if (setrlimit(RLIMIT_NOFILE, &rl) < 0) {
		printf("bench: RLIMIT_NOFILE: %s\n", strerror(errno));
		return (1);
	}
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		if (rtable_cost(sizes[i], &tl, &tr) < 0) {
			printf("bench: %d fds: %s\n", sizes[i], strerror(errno));
			return (1);
		}
		printf("bench: rights table, %s, %6d fds: cap_rights_limit "
		    "%.0f ns/fd, checked read %.0f ns\n", who, sizes[i], tl,
		    tr);
	}
	return (0);
}

int
main(int argc, char **argv)
{
	struct cap_mode_status st;
	cap_rights_t r;
	unsigned long one = FIONBIO;
	char report[4096], b[4], base[64], path[128];
	struct stat sb;
	int loaded, fd, fd2, n, want, dirs[5];

	if (argc == 2 && strcmp(argv[1], "table") == 0)
		return (table());
	if (argc != 2 || (strcmp(argv[1], "loaded") != 0 &&
	    strcmp(argv[1], "unloaded") != 0)) {
		fprintf(stderr, "usage: libtest loaded|unloaded|table\n");
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

	/* Directories narrowed to one operation each, used after cap_enter. */
	snprintf(base, sizeof(base), "/tmp/lt-%s", argv[1]);
	mkdir(base, 0755);
	snprintf(path, sizeof(path), "%s/sub", base);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/sub/f", base);
	close(open(path, O_CREAT | O_WRONLY, 0644));
	snprintf(path, sizeof(path), "%s/sub/gone", base);
	close(open(path, O_CREAT | O_WRONLY, 0644));
	for (int i = 0; i < 5; i++)
		dirs[i] = open(base, O_RDONLY | O_DIRECTORY);
	cap_rights_init(&r, CAP_LOOKUP, CAP_MKDIRAT);
	check(cap_rights_limit(dirs[0], &r) == 0, "dir 0: CAP_MKDIRAT");
	cap_rights_init(&r, CAP_LOOKUP, CAP_READ, CAP_SEEK, CAP_FSTAT, CAP_FCNTL);
	check(cap_rights_limit(dirs[1], &r) == 0, "dir 1: CAP_READ");
	cap_rights_init(&r, CAP_LOOKUP, CAP_UNLINKAT);
	check(cap_rights_limit(dirs[2], &r) == 0, "dir 2: CAP_UNLINKAT");
	cap_rights_init(&r, CAP_FSTATAT);
	check(cap_rights_limit(dirs[3], &r) == 0, "dir 3: CAP_FSTATAT");
	cap_rights_init(&r, CAP_LOOKUP, CAP_CREATE, CAP_WRITE, CAP_SEEK,
	    CAP_FSTAT, CAP_FCNTL);
	check(cap_rights_limit(dirs[4], &r) == 0, "dir 4: CAP_CREATE|CAP_WRITE");

	check(cap_enter() == 0, "cap_enter on this kernel");
	/* The library's lookups beneath the directories, either mode. */
	n = mkdirat(dirs[0], "sub/newdir", 0755);
	if (n != 0)
		printf("# mkdirat: %s\n", strerror(errno));
	check(n == 0, "mkdirat beneath a CAP_MKDIRAT directory");
	check(openat(dirs[0], "sub/f", O_RDONLY) == -1 && errno == ENOTCAPABLE,
	    "openat O_RDONLY beneath it: ENOTCAPABLE");
	n = openat(dirs[1], "sub/f", O_RDONLY);
	check(n >= 0 && read(n, b, 1) == 0,
	    "openat and read beneath a CAP_READ directory");
	check(unlinkat(dirs[2], "sub/gone", 0) == 0,
	    "unlinkat beneath a CAP_UNLINKAT directory");
	check(fstatat(dirs[3], "sub/f", &sb, 0) == 0,
	    "fstatat beneath a CAP_FSTATAT directory");
	n = openat(dirs[4], "sub/new", O_CREAT | O_WRONLY, 0644);
	check(n >= 0 && write(n, "n", 1) == 1,
	    "openat O_CREAT and write beneath a CAP_CREATE directory");
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
