/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * capmode_bench.c - what capability mode costs (make bench)
 *
 * Every figure is measured in this one run: a loop runs unconfined in the
 * parent, then the same loop runs in a child after cap_enter, and the
 * ratio confined/unconfined is printed.  Each loop is repeated and the
 * fastest repetition kept, which filters out scheduling noise.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cap_mode.h>
#include <sys/capsicum.h>

#include "rtable_cost.h"

#define REPS	5

static int dirfd_;
static long iters = 200000;

static void
loop_getppid(void)
{
	for (long i = 0; i < iters; i++)
		(void)syscall(SYS_getppid);
}

static void
loop_fstatat(void)
{
	struct stat st;

	for (long i = 0; i < iters; i++)
		if (fstatat(dirfd_, "sub/file", &st, 0) < 0)
			abort();
}

static void
loop_fstatat1(void)
{
	struct stat st;
	int sub = openat(dirfd_, "sub", O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	for (long i = 0; i < iters; i++)
		if (fstatat(sub, "file", &st, 0) < 0)
			abort();
	close(sub);
}

static void
loop_read(void)
{
	char buf[64];
	int fd = openat(dirfd_, "sub/file", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		abort();
	for (long i = 0; i < iters; i++)
		if (pread(fd, buf, sizeof(buf), 0) < 0)
			abort();
	close(fd);
}

static void
loop_openat(void)
{
	for (long i = 0; i < iters; i++) {
		int fd = openat(dirfd_, "sub/file", O_RDONLY | O_CLOEXEC);

		if (fd < 0)
			abort();
		close(fd);
	}
}

/* Best time per call, in ns, of fn over REPS repetitions. */
static double
best_ns(void (*fn)(void))
{
	double best = 1e30;

	for (int r = 0; r < REPS; r++) {
		double t0 = bench_now();

		fn();
		double t = (bench_now() - t0) / (double)iters * 1e9;
		if (t < best)
			best = t;
	}
	return (best);
}

/* Run fn in a child in capability mode; its best ns comes back on a pipe. */
static double
confined_ns(void (*fn)(void))
{
	int p[2];
	double v = -1;
	pid_t pid;

	if (pipe(p) < 0)
		abort();
	if ((pid = fork()) == 0) {
		if (cap_enter() < 0)
			_exit(1);
		v = best_ns(fn);
		if (write(p[1], &v, sizeof(v)) != sizeof(v))
			_exit(1);
		_exit(0);
	}
	close(p[1]);
	if (read(p[0], &v, sizeof(v)) != sizeof(v))
		v = -1;
	close(p[0]);
	waitpid(pid, NULL, 0);
	return (v);
}

/* Alternate unconfined and confined runs, keep the best of each. */
static void
row(const char *name, void (*fn)(void), const char *goal)
{
	double u = 1e30, c = 1e30;

	for (int k = 0; k < 3; k++) {
		double a = best_ns(fn), b = confined_ns(fn);

		u = a < u ? a : u;
		c = b < c ? b : c;
	}
	printf("| %-34s | %13.1f | %11.1f | %6.3f | %-6s |\n", name, u, c,
	    c / u, goal);
}

static double
cap_enter_us(void)
{
	double best = 1e30;

	for (int r = 0; r < 20; r++) {
		int p[2];
		double v = -1;

		if (pipe(p) < 0)
			abort();
		if (fork() == 0) {
			double t0 = bench_now();

			if (cap_enter() < 0)
				_exit(1);
			v = (bench_now() - t0) * 1e6;
			(void)!write(p[1], &v, sizeof(v));
			_exit(0);
		}
		close(p[1]);
		if (read(p[0], &v, sizeof(v)) == sizeof(v) && v < best)
			best = v;
		close(p[0]);
		wait(NULL);
	}
	return (best);
}

/* One row of the rights table's cost. */
static void
table_row(int n)
{
	double tl, tr;

	if (rtable_cost(n, &tl, &tr) < 0) {
		fprintf(stderr, "bench: %d fds: %s\n", n, strerror(errno));
		return;
	}
	printf("| %7d | %12.0f | %14.0f |\n", n, tl, tr);
}

int
main(int argc, char *argv[])
{
	char tmpl[] = "/dev/shm/capbench.XXXXXX";
	struct rlimit rl;
	int fd, maxfds = 100000;

	if (argc > 1)
		iters = atol(argv[1]);
	if (mkdtemp(tmpl) == NULL)
		return (1);
	dirfd_ = open(tmpl, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (mkdirat(dirfd_, "sub", 0700) < 0 ||
	    (fd = openat(dirfd_, "sub/file", O_CREAT | O_WRONLY | O_CLOEXEC,
	    0600)) < 0 || write(fd, "0123456789", 10) != 10)
		return (1);
	close(fd);

	printf("cap_enter: %.1f us (best of 20, fresh child each)\n\n",
	    cap_enter_us());
	printf("| loop (%7ld calls per run)        | unconfined ns | confined ns |  ratio | goal   |\n", iters);
	printf("|------------------------------------|---------------|-------------|--------|--------|\n");
	row("getppid (raw syscall)", loop_getppid, "<=1.05");
	row("pread 64 B of a small file", loop_read, "<=1.05");
	row("fstatat(dir, \"name\") beneath", loop_fstatat1, "<=1.3");
	row("fstatat(dir, \"sub/name\") beneath", loop_fstatat, "<=1.3");
	row("openat+close beneath a dirfd", loop_openat, "<=1.3");

	/* Raise the descriptor limit if we may; else measure what we can. */
	rl.rlim_cur = rl.rlim_max = 100100;
	if (setrlimit(RLIMIT_NOFILE, &rl) < 0 &&
	    getrlimit(RLIMIT_NOFILE, &rl) == 0) {
		rl.rlim_cur = rl.rlim_max;
		(void)setrlimit(RLIMIT_NOFILE, &rl);
		if (rl.rlim_cur < 100100) {
			maxfds = (int)rl.rlim_cur - 100;
			printf("\n(RLIMIT_NOFILE's hard limit is %lu here: the "
			    "rights table is measured at %d, not 100000 fds; "
			    "make check-vm measures 100000)\n",
			    (unsigned long)rl.rlim_max, maxfds);
		}
	}
	printf("\nrights table: ns per cap_rights_limit, ns per checked read(/dev/zero)\n");
	printf("| fds     | limit ns/fd  | checked read ns |\n|---------|--------------|-----------------|\n");
	table_row(10);
	table_row(1000);
	table_row(maxfds);

	unlinkat(dirfd_, "sub/file", 0);
	unlinkat(dirfd_, "sub", AT_REMOVEDIR);
	rmdir(tmpl);
	return (0);
}
