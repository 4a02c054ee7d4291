/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * isolate.c - run_isolated(): fork, own process group, alarm, _exit
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "isolate.h"

int iso_quiet;

int
iso_skip(const char *why)
{
	fprintf(stderr, "SKIP: %s\n", why);
	return (ISO_SKIP);
}

int
run_isolated(int (*fn)(void *), void *arg, unsigned int timeout)
{
	pid_t pid, w;
	int st;

	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "run_isolated: fork: %s\n", strerror(errno));
		return (-1);
	}
	if (pid == 0) {
		(void)setpgid(0, 0);
		(void)signal(SIGALRM, SIG_DFL);
		alarm(timeout);
		st = fn(arg);
		fflush(NULL);
		_exit(st & 0xff);
	}
	/* Make the group now too, so the kill below cannot miss it. */
	(void)setpgid(pid, pid);
	do
		w = waitpid(pid, &st, 0);
	while (w < 0 && errno == EINTR);
	(void)kill(-pid, SIGKILL);
	if (w < 0) {
		fprintf(stderr, "run_isolated: waitpid: %s\n", strerror(errno));
		return (-1);
	}
	if (WIFSIGNALED(st)) {
		if (!iso_quiet)
			fprintf(stderr,
			    "run_isolated: child killed by signal %d%s\n",
			    WTERMSIG(st),
			    WTERMSIG(st) == SIGALRM ? " (timeout)" : "");
		return (128 + WTERMSIG(st));
	}
	return (WEXITSTATUS(st));
}
