/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cb_operands.c - turn operand names into descriptors, before cap_enter
 *
 * "-" and "/dev/fd/N" never touch the filesystem: they name descriptors
 * the caller handed over.  Other names go through the library's one
 * resolver when --root-fd or --cwd-fd confine them, so capbox and the
 * library agree on what "beneath" means.
 */
#include <sys/resource.h>

#include "capbox.h"
#include "cb_fs.h"
#include "../libcap_mode/internal.h"

/* Set once by the dispatcher; -1 when not given. */
static int root_fd = -1;
static int cwd_fd = -1;

void
cb_set_base(int rootfd, int cwdfd)
{
	root_fd = rootfd;
	cwd_fd = cwdfd;
}

int
cb_base_fd(void)
{
	return (cwd_fd >= 0 ? cwd_fd : AT_FDCWD);
}

int
cb_root_fd(void)
{
	return (root_fd);
}

bool
cb_base_in_root(void)
{
	return (root_fd >= 0);
}

int
cb_devfd(const char *name)
{
	const char *p;
	long n = 0;

	if (strncmp(name, "/dev/fd/", 8) != 0)
		return (-1);
	for (p = name + 8; *p >= '0' && *p <= '9'; p++) {
		n = n * 10 + (*p - '0');
		if (n > INT_MAX)
			return (-1);
	}
	if (p == name + 8 || *p != '\0')
		return (-1);
#ifdef CB_FUZZ
	/* Only the harness's input and output; the fuzzer owns the rest. */
	if (n > STDOUT_FILENO)
		return (-1);
#endif
	return ((int)n);
}

int
cb_openat_operand(const char *path, int flags, mode_t mode)
{
	int fd;

#ifdef CB_FUZZ
	/* A fuzzed operand never reaches the filesystem. */
	(void)flags;
	(void)mode;
	errno = ENOENT;
	return (-1);
#endif
	flags |= O_CLOEXEC;
	if (path[0] == '/' && root_fd >= 0)
		fd = cm_openat_beneath(root_fd, path, flags, mode, CM_IN_ROOT);
	else if (path[0] != '/' && cwd_fd >= 0)
		fd = cm_openat_beneath(cwd_fd, path, flags, mode, CM_BENEATH);
	else
		return (openat(AT_FDCWD, path, flags, mode));
	return ((int)cm_ret(fd));
}

void
cb_open_operand1(struct cb_operand *op, const char *name, int flags)
{
	int fd;

	memset(op, 0, sizeof(*op));
	op->name = name;
	if (strcmp(name, "-") == 0) {
		op->fd = STDIN_FILENO;
		op->isstdin = true;
	} else if ((fd = cb_devfd(name)) >= 0) {
		/* An inherited descriptor: it must exist, nothing more. */
		op->fd = fcntl(fd, F_GETFD) < 0 ? -1 : fd;
	} else {
		op->fd = cb_openat_operand(name, flags, 0666);
		op->own = op->fd >= 0;
	}
	if (op->fd < 0)
		op->err = errno;
}

/* All operands are open at once before cap_enter: allow as many fds. */
static void
raise_nofile(int n)
{
	struct rlimit rl;

	if (n < 512 || getrlimit(RLIMIT_NOFILE, &rl) < 0 ||
	    rl.rlim_cur >= rl.rlim_max)
		return;
	rl.rlim_cur = rl.rlim_max;
	(void)setrlimit(RLIMIT_NOFILE, &rl);
}

void
cb_open_operands(struct cb_operands *ops, int argc, char *argv[], int first,
    int flags)
{
	static char dash[] = "-";
	char *none[] = { dash };
	char **names = argv + first;
	int i, n = argc - first;

	if (n <= 0) {
		names = none;
		n = 1;
	}
	raise_nofile(n);
	if ((ops->v = calloc((size_t)n, sizeof(*ops->v))) == NULL)
		cb_err(cb_usage_status, "calloc");
	ops->n = n;
	for (i = 0; i < n; i++)
		cb_open_operand1(&ops->v[i], names[i], flags);
}

bool
cb_operand_check(const struct cb_operand *op)
{
	if (op->fd >= 0)
		return (true);
	errno = op->err;
	/* GNU quotes a name that needs it: "cat: '': No such file ...". */
	cb_warn("%s", cb_quotef(op->name));
	return (false);
}

void
cb_close_operands(struct cb_operands *ops)
{
	int i;

	for (i = 0; i < ops->n; i++)
		if (ops->v[i].own && ops->v[i].fd >= 0)
			(void)close(ops->v[i].fd);
	free(ops->v);
	ops->v = NULL;
	ops->n = 0;
}
