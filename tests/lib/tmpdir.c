/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * tmpdir.c - scratch trees (see tmpdir.h)
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tmpdir.h"

int
put_file(int dirfd, const char *name, const char *content)
{
	size_t len = strlen(content);
	int fd;

	fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0666);
	if (fd < 0)
		return (-1);
	if (write(fd, content, len) != (ssize_t)len ||
	    fchmod(fd, 0666) != 0) {
		close(fd);
		return (-1);
	}
	return (close(fd));
}

int
read_text(int fd, char *buf, size_t len)
{
	ssize_t n;

	n = pread(fd, buf, len - 1, 0);
	if (n < 0)
		return (-1);
	buf[n] = '\0';
	return (0);
}

static int
mkdir_open(const char *path)
{
	if (mkdir(path, 0777) != 0 || chmod(path, 0777) != 0)
		return (-1);
	return (open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
}

int
tree_make(struct tree *t)
{
	const char *tmp = getenv("TMPDIR");
	char abs[PATH_MAX + 16];
	int held = -1, sub = -1, base = -1, r = -1;

	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	if ((size_t)snprintf(t->base, sizeof(t->base), "%s/capmode-t.XXXXXX",
	    tmp) >= sizeof(t->base))
		return (errno = ENAMETOOLONG, -1);
	if (mkdtemp(t->base) == NULL || chmod(t->base, 0777) != 0)
		return (-1);
	snprintf(t->held, sizeof(t->held), "%s/held", t->base);
	snprintf(abs, sizeof(abs), "%s/secret", t->base);
	if ((base = open(t->base, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 ||
	    put_file(base, "secret", "secret\n") != 0 ||
	    (held = mkdir_open(t->held)) < 0 ||
	    put_file(held, "inside", "inside\n") != 0 ||
	    mkdirat(held, "sub", 0777) != 0 ||
	    fchmodat(held, "sub", 0777, 0) != 0 ||
	    (sub = openat(held, "sub", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 ||
	    put_file(sub, "deep", "deep\n") != 0 ||
	    symlinkat("sub/deep", held, "in") != 0 ||
	    symlinkat("sub/../inside", held, "dotdot_in") != 0 ||
	    symlinkat("../secret", held, "up") != 0 ||
	    symlinkat(abs, held, "abs") != 0)
		goto out;
	r = 0;
out:
	if (sub >= 0)
		close(sub);
	if (held >= 0)
		close(held);
	if (base >= 0)
		close(base);
	return (r);
}

static int
rm_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	return (remove(path) != 0 && errno != ENOENT ? -1 : 0);
}

int
tree_remove(const struct tree *t)
{
	if (t->base[0] == '\0')
		return (0);
	return (nftw(t->base, rm_one, 16, FTW_DEPTH | FTW_PHYS));
}
