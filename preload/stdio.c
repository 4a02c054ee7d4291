/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * stdio.c - fopen, freopen, opendir, realpath: libc opens these paths
 * internally, out of reach of an interposed open(), so they are opened
 * here and handed to libc as descriptors.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shim.h"

/* fopen(3) mode to open(2) flags; -1 for a mode fopen would refuse. */
static int
mode_flags(const char *mode, char base[4])
{
	int flags;
	const char *m;
	size_t n = 0;

	switch (mode[0]) {
	case 'r': flags = O_RDONLY; break;
	case 'w': flags = O_WRONLY | O_CREAT | O_TRUNC; break;
	case 'a': flags = O_WRONLY | O_CREAT | O_APPEND; break;
	default: return (-1);
	}
	base[n++] = mode[0];
	for (m = mode + 1; *m != '\0' && *m != ','; m++) {
		if (*m == '+') {
			flags = (flags & ~O_ACCMODE) | O_RDWR;
			if (n < 2)
				base[n++] = '+';
		} else if (*m == 'e')
			flags |= O_CLOEXEC;
		else if (*m == 'x')
			flags |= O_EXCL;
	}
	base[n] = '\0';
	return (flags);
}

SHIM_EXPORT FILE *
fopen(const char *path, const char *mode)
{
	char base[4];
	int flags = mode_flags(mode, base), fd, e;
	FILE *fp;

	if (flags < 0) {
		errno = EINVAL;
		return (NULL);
	}
	if ((fd = shim_openat(AT_FDCWD, path, flags, 0666)) < 0)
		return (NULL);
	if ((fp = fdopen(fd, base)) == NULL) {
		e = errno;
		(void)close(fd);
		errno = e;
	}
	return (fp);
}

SHIM_EXPORT FILE *
fopen64(const char *path, const char *mode)
{
	return (fopen(path, mode));
}

/*
 * freopen with a path: the new file takes the stream's descriptor, so the
 * stream (stdin, say) stays the same object.  The stream keeps its mode.
 */
SHIM_EXPORT FILE *
freopen(const char *path, const char *mode, FILE *fp)
{
	char base[4];
	int flags = mode_flags(mode, base), fd, r, e;

	if (path == NULL || flags < 0) {
		errno = path == NULL ? ECAPMODE : EINVAL;
		return (NULL);
	}
	(void)fflush(fp);
	if ((fd = shim_openat(AT_FDCWD, path, flags, 0666)) < 0)
		return (NULL);
	r = dup3(fd, fileno(fp), flags & O_CLOEXEC);
	e = errno;
	(void)close(fd);
	if (r < 0) {
		errno = e;
		return (NULL);
	}
	clearerr(fp);
	return (fp);
}

SHIM_EXPORT FILE *
freopen64(const char *path, const char *mode, FILE *fp)
{
	return (freopen(path, mode, fp));
}

SHIM_EXPORT DIR *
opendir(const char *path)
{
	DIR *d;
	int fd, e;

	fd = shim_openat(AT_FDCWD, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC,
	    0);
	if (fd < 0)
		return (NULL);
	if ((d = fdopendir(fd)) == NULL) {
		e = errno;
		(void)close(fd);
		errno = e;
	}
	return (d);
}

/*
 * realpath: the normalised path, with each symlink met on the way
 * replaced by its target (readlink goes through the map as well), and
 * the result checked to exist.
 */
static int
resolve_links(char *cur, size_t len)
{
	char prefix[PATH_MAX], target[PATH_MAX], joined[2 * PATH_MAX + 2];
	size_t i, p;
	ssize_t tl;
	int links = 0;

	for (i = 1;; i++) {
		if (cur[i] != '/' && cur[i] != '\0')
			continue;
		memcpy(prefix, cur, i);
		prefix[i] = '\0';
		if ((tl = readlink(prefix, target, sizeof(target) - 1)) < 0) {
			/* Not a link; above the pre-opens nothing is one. */
			if (errno != EINVAL && errno != ECAPMODE)
				return (-1);
			if (cur[i] == '\0')
				return (0);
			continue;
		}
		if (++links > 40) {
			errno = ELOOP;
			return (-1);
		}
		target[tl] = '\0';
		for (p = i; p > 0 && prefix[p - 1] != '/'; p--)
			;
		prefix[p] = '\0';
		if (snprintf(joined, sizeof(joined), "%s%s%s", target[0] == '/' ?
		    "" : prefix, target, cur + i) >= (int)sizeof(joined) ||
		    mf_normalise("/", joined, cur, len) < 0) {
			errno = ENAMETOOLONG;
			return (-1);
		}
		i = 0;
	}
}

SHIM_EXPORT char *
realpath(const char *path, char *resolved)
{
	char cur[PATH_MAX];
	struct stat st;

	if (path == NULL) {
		errno = EINVAL;
		return (NULL);
	}
	if (mf_normalise(pm_active() ? pm_getcwd() : "/", path, cur,
	    sizeof(cur)) < 0) {
		errno = ENAMETOOLONG;
		return (NULL);
	}
	if (resolve_links(cur, sizeof(cur)) < 0 || stat(cur, &st) < 0)
		return (NULL);
	if (resolved == NULL)
		return (strdup(cur));
	strcpy(resolved, cur);
	return (resolved);
}

SHIM_EXPORT char *
canonicalize_file_name(const char *path)
{
	return (realpath(path, NULL));
}
