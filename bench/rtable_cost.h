/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * rtable_cost.h - what cap_rights_limit and a checked read cost with n
 * descriptors limited (bench/capmode_bench.c, tests/vm/libtest.c)
 *
 * n descriptors of /dev/zero are limited to CAP_READ|CAP_SEEK|CAP_FSTAT;
 * then one of them is read through the library 100,000 times.  Returns 0,
 * or -1 with errno set when the process cannot hold n descriptors.
 */
#ifndef RTABLE_COST_H
#define RTABLE_COST_H

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <sys/capsicum.h>

#ifndef __GLIBC__
int	close_range(unsigned int, unsigned int, int);	/* libcap_mode's */
#endif

static double
bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

static int
rtable_cost(int n, double *limit_ns, double *read_ns)
{
	cap_rights_t r;
	const long k = 100000;
	char buf[1];
	double t0;
	int base, fd, e;

	cap_rights_init(&r, CAP_READ, CAP_SEEK, CAP_FSTAT);
	if ((base = open("/dev/zero", O_RDONLY | O_CLOEXEC)) < 0)
		return (-1);
	t0 = bench_now();
	for (int i = 1; i < n; i++) {
		fd = fcntl(base, F_DUPFD_CLOEXEC, 10);
		if (fd < 0 || cap_rights_limit(fd, &r) < 0) {
			e = errno;
			close_range((unsigned int)base, ~0U, 0);
			errno = e;
			return (-1);
		}
	}
	if (cap_rights_limit(base, &r) < 0)
		abort();
	*limit_ns = (bench_now() - t0) / n * 1e9;
	t0 = bench_now();
	for (long i = 0; i < k; i++)
		if (read(base, buf, 1) != 1)
			abort();
	*read_ns = (bench_now() - t0) / (double)k * 1e9;
	close_range((unsigned int)base, ~0U, 0);
	return (0);
}

#endif
