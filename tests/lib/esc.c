/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * esc.c - the harness of the escape programs (see esc.h)
 */
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "esc.h"

static int status = ESC_OK;
static char exe_dir[PATH_MAX];

static void
worse(int st)
{
	/* An escape outranks a wrong errno. */
	if (st == ESC_ESCAPED || (st == ESC_WRONG && status == ESC_OK))
		status = st;
}

void
esc_note(const char *fmt, ...)
{
	va_list ap;

	printf("#   ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

void
esc_refused2(const char *expr, long r, int err, int want1, int want2)
{
	if (r != -1) {
		esc_note("ESCAPE: %s succeeded (returned %ld)", expr, r);
		worse(ESC_ESCAPED);
	} else if (err != want1 && err != want2) {
		esc_note("WRONG: %s failed with %s, expected %s", expr,
		    errno_name(err), errno_name(want1));
		worse(ESC_WRONG);
	} else {
		esc_note("refused: %s -> %s", expr, errno_name(err));
	}
}

void
esc_refused(const char *expr, long r, int err, int want)
{
	esc_refused2(expr, r, err, want, want);
}

void
esc_control(const char *expr, long r, int err)
{
	if (r == -1) {
		esc_note("CONTROL FAILED: %s: %s", expr, errno_name(err));
		worse(ESC_WRONG);
	} else {
		esc_note("control ok: %s", expr);
	}
}

void
esc_enter(void)
{
	unsigned int mode = 0;

	if (cap_enter() != 0) {
		esc_note("cap_enter: %s", errno_name(errno));
		fflush(NULL);
		_exit(errno == ENOSYS ? ESC_SKIPPED : ESC_WRONG);
	}
	if (cap_getmode(&mode) != 0 || mode != 1) {
		esc_note("cap_getmode does not report capability mode");
		fflush(NULL);
		_exit(ESC_WRONG);
	}
	esc_note("entered capability mode");
}

void
esc_skip(const char *why)
{
	/* A skip never hides a failure judged before it. */
	if (status != ESC_OK) {
		esc_note("(not skipped: %s)", why);
		fflush(NULL);
		_exit(status);
	}
	printf("# SKIP %s\n", why);
	fflush(NULL);
	_exit(ESC_SKIPPED);
}

int
esc_status(void)
{
	fflush(NULL);
	return (status);
}

const char *
esc_exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n;

	if (exe_dir[0] != '\0')
		return (exe_dir);
	n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
	if (n < 0)
		return (NULL);
	buf[n] = '\0';
	snprintf(exe_dir, sizeof(exe_dir), "%s", dirname(buf));
	return (exe_dir);
}

int
esc_run(int (*fn)(void *), void *arg, struct tree *t)
{
	int st = run_isolated(fn, arg, ISO_TIMEOUT);

	if (t != NULL && tree_remove(t) != 0)
		fprintf(stderr, "warning: could not remove %s\n", t->base);
	if (st < 0 || st > 128) {
		printf("# child failed (status %d)\n", st);
		return (ESC_WRONG);
	}
	return (st);
}

int
esc_finish(int child)
{
	int mine = esc_status();

	if (child == ESC_ESCAPED || mine == ESC_ESCAPED)
		return (ESC_ESCAPED);
	if (child == ESC_WRONG || mine == ESC_WRONG)
		return (ESC_WRONG);
	if (child == ESC_SKIPPED)
		return (ESC_SKIPPED);
	return (child == 0 ? ESC_OK : ESC_WRONG);
}

void
esc_tree(struct tree *t)
{
	if (tree_make(t) != 0) {
		esc_note("cannot make the scratch tree: %s", errno_name(errno));
		fflush(NULL);
		exit(ESC_WRONG);
	}
}

int
esc_open_held(const struct tree *t)
{
	int fd = open(t->held, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0) {
		esc_note("cannot open %s: %s", t->held, errno_name(errno));
		fflush(NULL);
		exit(ESC_WRONG);
	}
	return (fd);
}

bool
esc_root(void)
{
	return (geteuid() == 0);
}

long
esc_exec_probe(int dirfd, const char *path, int flags)
{
	char *argv[] = { "probe", NULL }, *envp[] = { NULL };
	int p[2], err = 0, st;
	ssize_t n;
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) != 0)
		return (-1);
	pid = fork();
	if (pid < 0)
		return (-1);
	if (pid == 0) {
		(void)syscall(SYS_execveat, dirfd, path, argv, envp, flags);
		err = errno;
		_exit(write(p[1], &err, sizeof(err)) == sizeof(err) ? 0 : 1);
	}
	close(p[1]);
	n = read(p[0], &err, sizeof(err));
	close(p[0]);
	(void)waitpid(pid, &st, 0);
	if (n == (ssize_t)sizeof(err)) {
		errno = err;
		return (-1);
	}
	return (0);	/* the pipe closed on exec: it ran */
}
