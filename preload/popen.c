/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * popen.c - popen(3) and pclose(3)
 *
 * glibc's popen spawns the shell through its internal posix_spawn, whose
 * child resets our SIGSYS handler and execs with a raw execve: the shell's
 * loader would then be killed by the trap filter.  These versions fork,
 * wire the pipe and exec /bin/sh through the shim's execve.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "shim.h"

extern char **environ;

#define MAX_POPEN	64

/* Which child each popen stream belongs to, for pclose. */
static struct {
	FILE	*fp;
	pid_t	pid;
} children[MAX_POPEN];
static pthread_mutex_t children_lock = PTHREAD_MUTEX_INITIALIZER;

static int
remember(FILE *fp, pid_t pid)
{
	int r = -1;

	pthread_mutex_lock(&children_lock);
	for (int i = 0; i < MAX_POPEN && r < 0; i++)
		if (children[i].fp == NULL) {
			children[i].fp = fp;
			children[i].pid = pid;
			r = 0;
		}
	pthread_mutex_unlock(&children_lock);
	return (r);
}

static pid_t
forget(FILE *fp)
{
	pid_t pid = -1;

	pthread_mutex_lock(&children_lock);
	for (int i = 0; i < MAX_POPEN; i++)
		if (children[i].fp == fp) {
			pid = children[i].pid;
			children[i].fp = NULL;
			break;
		}
	pthread_mutex_unlock(&children_lock);
	return (pid);
}

SHIM_EXPORT FILE *
popen(const char *cmd, const char *mode)
{
	char *argv[] = { "sh", "-c", (char *)cmd, NULL };
	int p[2], reading = mode[0] == 'r', e;
	FILE *fp;
	pid_t pid;

	if ((mode[0] != 'r' && mode[0] != 'w') || pipe2(p, O_CLOEXEC) < 0) {
		if (mode[0] != 'r' && mode[0] != 'w')
			errno = EINVAL;
		return (NULL);
	}
	if ((pid = fork()) < 0) {
		e = errno;
		(void)close(p[0]);
		(void)close(p[1]);
		errno = e;
		return (NULL);
	}
	if (pid == 0) {
		/* The child's end becomes its stdout (r) or stdin (w). */
		if (dup2(p[reading ? 1 : 0], reading ? 1 : 0) < 0)
			_exit(127);
		(void)execve("/bin/sh", argv, environ);
		_exit(127);
	}
	(void)close(p[reading ? 1 : 0]);
	if ((fp = fdopen(p[reading ? 0 : 1], reading ? "r" : "w")) == NULL ||
	    remember(fp, pid) < 0) {
		e = fp == NULL ? errno : EMFILE;
		if (fp != NULL)
			(void)fclose(fp);
		else
			(void)close(p[reading ? 0 : 1]);
		(void)waitpid(pid, NULL, 0);
		errno = e;
		return (NULL);
	}
	return (fp);
}

SHIM_EXPORT int
pclose(FILE *fp)
{
	pid_t pid = forget(fp);
	int st;

	if (pid < 0) {
		errno = ECHILD;
		return (-1);
	}
	(void)fclose(fp);
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return (-1);
	return (st);
}
