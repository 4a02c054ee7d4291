/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_resolve.c - no path leads out of a limited directory
 *
 * The input is a path (and a flags byte).  A scratch tree with symlinks
 * that point inside, outside, to "/" and through ".." is built once; the
 * path is opened, stat'ed and used as a parent for mkdirat/unlinkat
 * beneath a limited descriptor of the tree's root.  Whatever the path,
 * anything that succeeds must be inside the tree: the object's device and
 * inode must be reachable from the root, which we check by walking ".."
 * from the object up to the root with raw system calls.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <sys/capsicum.h>

static int root = -1;
static struct stat root_st;
static ino_t ours[16];		/* inodes of the files and links we made */
static int nours;

static void
remember(int d, const char *name)
{
	struct stat st;

	if (fstatat(d, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && nours < 16)
		ours[nours++] = st.st_ino;
}

static int
is_ours(const struct stat *st)
{
	for (int i = 0; i < nours; i++)
		if (st->st_ino == ours[i] && st->st_dev == root_st.st_dev)
			return (1);
	return (0);
}

static void
setup(void)
{
	char tmpl[] = "/tmp/fuzz_resolve.XXXXXX";
	cap_rights_t r;
	int d;

	if (mkdtemp(tmpl) == NULL)
		abort();
	d = open(tmpl, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (d < 0 || mkdirat(d, "a", 0700) < 0 || mkdirat(d, "a/b", 0700) < 0)
		abort();
	close(openat(d, "a/f", O_CREAT | O_WRONLY | O_CLOEXEC, 0600));
	/* Links inside, to the root, out through "..", absolute, to /proc. */
	(void)!symlinkat("b", d, "a/in");
	(void)!symlinkat("..", d, "a/up");
	(void)!symlinkat("../..", d, "a/out");
	(void)!symlinkat("/", d, "abs");
	(void)!symlinkat("/etc/passwd", d, "passwd");
	(void)!symlinkat("/proc/self/root", d, "proc");
	(void)!symlinkat("a/out/tmp", d, "chain");
	(void)!symlinkat("loop", d, "loop");
	remember(d, "a/f");
	remember(d, "a/in");
	remember(d, "a/up");
	remember(d, "a/out");
	remember(d, "abs");
	remember(d, "passwd");
	remember(d, "proc");
	remember(d, "chain");
	remember(d, "loop");
	cap_rights_init(&r, CAP_LOOKUP, CAP_READ, CAP_FSTATAT, CAP_MKDIRAT,
	    CAP_UNLINKAT, CAP_CREATE, CAP_WRITE, CAP_SEEK);
	if (cap_rights_limit(d, &r) < 0 || fstat(d, &root_st) < 0)
		abort();
#ifdef FUZZ_WALK
	{
		extern int cm_walk_always;	/* libcap_mode/resolve.c */

		cm_walk_always = 1;
	}
#endif
	root = d;
}

/* Walk ".." from directory fd up to "/": is the root on the way? */
static int
inside(int fd)
{
	struct stat st, up_st;
	int cur, up;

	cur = (int)syscall(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 0);
	for (;;) {
		if (syscall(SYS_fstat, cur, &st) < 0)
			abort();
		if (st.st_dev == root_st.st_dev && st.st_ino == root_st.st_ino) {
			close(cur);
			return (1);
		}
		up = (int)syscall(SYS_openat, cur, "..", O_PATH | O_CLOEXEC);
		close(cur);
		if (up < 0 || syscall(SYS_fstat, up, &up_st) < 0)
			return (0);
		if (up_st.st_dev == st.st_dev && up_st.st_ino == st.st_ino) {
			close(up);	/* reached "/" without meeting the root */
			return (0);
		}
		cur = up;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[PATH_MAX];
	struct stat st;
	int fd;

	if (root < 0)
		setup();
	if (size == 0 || size >= sizeof(path))
		return (0);
	memcpy(path, data + 1, size - 1);
	path[size - 1] = '\0';

	fd = openat(root, path, O_PATH | O_CLOEXEC |
	    ((data[0] & 1) != 0 ? O_NOFOLLOW : 0));
	if (fd >= 0) {
		if (syscall(SYS_fstat, fd, &st) < 0)
			abort();
		/* Directories must chain up to the root; others be ours. */
		if (S_ISDIR(st.st_mode) ? !inside(fd) : !is_ours(&st)) {
			fprintf(stderr, "openat(%s) escaped\n", path);
			abort();
		}
		close(fd);
	} else if (errno != ENOTCAPABLE && errno != ENOENT &&
	    errno != ENOTDIR && errno != ELOOP && errno != ENAMETOOLONG &&
	    errno != EINVAL && errno != EXDEV) {
		fprintf(stderr, "openat(%s): unexpected %s\n", path,
		    strerror(errno));
		abort();
	}
	if (fstatat(root, path, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    (data[0] & 2) != 0) {
		/* A name that exists: mkdir beside it must stay inside too. */
		char sub[PATH_MAX + 8];

		snprintf(sub, sizeof(sub), "%s/fz", path);
		if (mkdirat(root, sub, 0700) == 0) {
			int d = openat(root, sub, O_PATH | O_DIRECTORY |
			    O_CLOEXEC);

			if (d < 0 || !inside(d))
				abort();
			close(d);
			if (unlinkat(root, sub, AT_REMOVEDIR) < 0)
				abort();
		}
	}
	return (0);
}
