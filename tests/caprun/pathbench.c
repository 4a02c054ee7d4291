/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * pathbench.c - cost of path operations: N stat() and N open()+close()
 * of one file, timed with CLOCK_MONOTONIC.  Run plain and under caprun.
 *
 * usage: pathbench FILE [N]
 * prints: "stat NS_PER_CALL" and "open+close NS_PER_CALL"
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec * 1e9 + (double)ts.tv_nsec);
}

int
main(int argc, char *argv[])
{
	struct stat st;
	long n = argc > 2 ? atol(argv[2]) : 200000;
	double t;
	int fd;

	if (argc < 2 || n <= 0)
		return (2);
	t = now();
	for (long i = 0; i < n; i++)
		if (stat(argv[1], &st) < 0) {
			perror(argv[1]);
			return (1);
		}
	printf("stat %.0f\n", (now() - t) / (double)n);
	t = now();
	for (long i = 0; i < n; i++) {
		if ((fd = open(argv[1], O_RDONLY | O_CLOEXEC)) < 0) {
			perror(argv[1]);
			return (1);
		}
		close(fd);
	}
	printf("open+close %.0f\n", (now() - t) / (double)n);
	return (0);
}
