/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_resolve.c - lookups beneath a directory descriptor
 *
 * The same matrix of paths is opened through openat() in four ways:
 *   1. a limited dirfd, outside capability mode;
 *   2. an unlimited dirfd, in capability mode;
 *   3. O_RESOLVE_BENEATH on an unlimited dirfd, outside capability mode;
 *   4. a limited dirfd in capability mode.
 * In each, "..", absolute paths and symlinks that leave the directory fail
 * with ENOTCAPABLE, and lookups that stay beneath work.  An unlimited dirfd
 * outside capability mode, without the flag, is the control: there the
 * escapes succeed.  The other *at calls and magic links follow.
 */
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <cmocka.h>

#include <sys/capsicum.h>

#include "check.h"
#include "isolate.h"
#include "tmpdir.h"

static struct tree tree;
static char abs_inside[PATH_MAX];

/* expect: NULL = ENOTCAPABLE; "" = ENOENT; otherwise the file's content. */
struct lookup {
	const char	*path;
	const char	*expect;
};

static const struct lookup matrix[] = {
	{ "inside",		"inside\n" },
	{ "./inside",		"inside\n" },
	{ "sub/deep",		"deep\n" },
	{ "sub/../inside",	"inside\n" },	/* ".." that stays beneath */
	{ "sub/./../sub/deep",	"deep\n" },
	{ "in",			"deep\n" },	/* symlink beneath */
	{ "dotdot_in",		"inside\n" },	/* symlink with ".." beneath */
	{ "nonexistent",	"" },
	{ "..",			NULL },
	{ "../secret",		NULL },
	{ "sub/../../secret",	NULL },
	{ "sub/../..",		NULL },
	{ "/etc/passwd",	NULL },
	{ abs_inside,		NULL },		/* absolute, even to inside */
	{ "/",			NULL },
	{ "up",			NULL },		/* symlink to ../secret */
	{ "abs",		NULL },		/* absolute symlink */
};
#define NMATRIX	(sizeof(matrix) / sizeof(matrix[0]))

static int
check_one(int dirfd, int extra, const struct lookup *l)
{
	char got[64];
	int fd;

	errno = 0;
	fd = openat(dirfd, l->path, O_RDONLY | O_CLOEXEC | extra);
	if (l->expect == NULL || l->expect[0] == '\0') {
		int want = l->expect == NULL ? ENOTCAPABLE : ENOENT;

		if (fd >= 0 || errno != want) {
			fprintf(stderr, "openat(\"%s\"): got fd %d errno %s, "
			    "expected %s\n", l->path, fd, errno_name(errno),
			    errno_name(want));
			if (fd >= 0)
				close(fd);
			return (1);
		}
		return (0);
	}
	if (fd < 0) {
		fprintf(stderr, "openat(\"%s\"): errno %s, expected success\n",
		    l->path, errno_name(errno));
		return (1);
	}
	if (read_text(fd, got, sizeof(got)) != 0 ||
	    strcmp(got, l->expect) != 0) {
		fprintf(stderr, "openat(\"%s\"): wrong file\n", l->path);
		close(fd);
		return (1);
	}
	close(fd);
	return (0);
}

static int
run_matrix(int dirfd, int extra)
{
	int bad = 0;

	for (size_t i = 0; i < NMATRIX; i++)
		bad += check_one(dirfd, extra, &matrix[i]);
	return (bad);
}

static int
open_held(void)
{
	return (open(tree.held, O_RDONLY | O_DIRECTORY | O_CLOEXEC));
}

static int
limit_dir(int fd)
{
	cap_rights_t r;

	cap_rights_init(&r, CAP_LOOKUP, CAP_READ, CAP_SEEK, CAP_FSTAT,
	    CAP_FCNTL);
	return (cap_rights_limit(fd, &r));
}

static int
group_setup(void **state)
{
	(void)state;
	if (tree_make(&tree) != 0)
		return (-1);
	if ((size_t)snprintf(abs_inside, sizeof(abs_inside), "%s/inside",
	    tree.held) >= sizeof(abs_inside))
		return (-1);
	return (0);
}

static int
group_teardown(void **state)
{
	(void)state;
	return (tree_remove(&tree));
}

/* The control: nothing confines an unlimited dirfd outside capmode. */
static void
unlimited_dirfd_escapes(void **state)
{
	int d = open_held(), fd;

	(void)state;
	assert_true(d >= 0);
	fd = openat(d, "../secret", O_RDONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	close(fd);
	fd = openat(d, "up", O_RDONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	close(fd);
	close(d);
}

static void
limited_dirfd(void **state)
{
	int d = open_held();

	(void)state;
	assert_true(d >= 0);
	assert_int_equal(limit_dir(d), 0);
	assert_int_equal(run_matrix(d, 0), 0);
	close(d);
}

static void
resolve_beneath_flag(void **state)
{
	int d = open_held(), fd;

	(void)state;
	assert_true(d >= 0);
	assert_int_equal(run_matrix(d, O_RESOLVE_BENEATH), 0);
	/* The flag is not passed to the kernel's open. */
	fd = openat(d, "inside", O_RDONLY | O_CLOEXEC | O_RESOLVE_BENEATH);
	assert_true(fd >= 0);
	assert_int_equal(fcntl(fd, F_GETFL) & O_RESOLVE_BENEATH, 0);
	close(fd);
	/* Without the flag the same dirfd still escapes. */
	fd = openat(d, "../secret", O_RDONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	close(fd);
	close(d);
}

/* O_RESOLVE_BENEATH with AT_FDCWD: beneath the working directory. */
static int
beneath_cwd(void *arg)
{
	int fd;

	(void)arg;
	ICHECK(chdir(tree.held) == 0);
	fd = openat(AT_FDCWD, "sub/deep", O_RDONLY | O_RESOLVE_BENEATH);
	ICHECK(fd >= 0);
	close(fd);
	ICHECK_ERR(openat(AT_FDCWD, "../secret", O_RDONLY | O_RESOLVE_BENEATH),
	    ENOTCAPABLE);
	ICHECK_ERR(openat(AT_FDCWD, "/etc/passwd", O_RDONLY |
	    O_RESOLVE_BENEATH), ENOTCAPABLE);
	ICHECK_ERR(openat(AT_FDCWD, "up", O_RDONLY | O_RESOLVE_BENEATH),
	    ENOTCAPABLE);
	return (0);
}

static void
resolve_beneath_cwd(void **state)
{
	(void)state;
	assert_isolated(beneath_cwd, NULL);
}

static int
matrix_in_capmode(void *arg)
{
	int limited = *(const int *)arg, d = open_held();

	ICHECK(d >= 0);
	if (limited)
		ICHECK(limit_dir(d) == 0);
	ICHECK(cap_enter() == 0);
	ICHECK(run_matrix(d, 0) == 0);
	ICHECK(run_matrix(d, O_RESOLVE_BENEATH) == 0);
	/* "." is the directory itself. */
	ICHECK_OK(openat(d, ".", O_RDONLY | O_DIRECTORY));
	ICHECK_ERR(openat(AT_FDCWD, "inside", O_RDONLY), ECAPMODE);
	return (0);
}

static void
capmode_unlimited_dirfd(void **state)
{
	static const int no = 0;

	(void)state;
	assert_isolated(matrix_in_capmode, (void *)&no);
}

static void
capmode_limited_dirfd(void **state)
{
	static const int yes = 1;

	(void)state;
	assert_isolated(matrix_in_capmode, (void *)&yes);
}

/*
 * Capability mode walks paths itself (resolve.c): link chains and loops,
 * creation through a dangling link, trailing slashes, lstat and chmod of
 * names several directories down, and the depth limit.
 */
static int
walk_details(void *arg)
{
	char deep[66 * 2 + 8], got[32];
	struct stat st;
	int d = open_held(), fd;

	(void)arg;
	ICHECK(d >= 0);
	ICHECK(symlinkat("in", d, "chain") == 0);		/* -> in -> sub/deep */
	ICHECK(symlinkat("loop2", d, "loop1") == 0);
	ICHECK(symlinkat("loop1", d, "loop2") == 0);
	ICHECK(symlinkat("sub/created", d, "dangling") == 0);
	ICHECK(symlinkat("../sub", d, "sub/self") == 0);	/* sub/self -> sub */
	deep[0] = '\0';
	for (int i = 0; i < 66; i++) {
		strcat(deep, i == 0 ? "n" : "/n");
		ICHECK(mkdirat(d, deep, 0700) == 0);
	}
	ICHECK(cap_enter() == 0);

	ICHECK((fd = openat(d, "chain", O_RDONLY)) >= 0);
	ICHECK(read_text(fd, got, sizeof(got)) == 0 && strcmp(got, "deep\n") == 0);
	close(fd);
	ICHECK((fd = openat(d, "sub/self/self/deep", O_RDONLY)) >= 0);
	close(fd);
	ICHECK_ERR(openat(d, "loop1", O_RDONLY), ELOOP);
	ICHECK_ERR(openat(d, "chain", O_RDONLY | O_NOFOLLOW), ELOOP);
	/* O_CREAT follows a dangling link to create its target, beneath. */
	ICHECK((fd = openat(d, "dangling", O_WRONLY | O_CREAT, 0600)) >= 0);
	close(fd);
	ICHECK(fstatat(d, "sub/created", &st, 0) == 0 && S_ISREG(st.st_mode));
	ICHECK_ERR(openat(d, "dangling", O_WRONLY | O_CREAT | O_EXCL, 0600),
	    EEXIST);
	/* A trailing slash wants a directory. */
	ICHECK_OK(openat(d, "sub/", O_RDONLY));
	ICHECK_ERR(openat(d, "inside/", O_RDONLY), ENOTDIR);
	/* lstat sees the link several directories down; stat its target. */
	ICHECK(fstatat(d, "sub/self/self", &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISLNK(st.st_mode));
	ICHECK(fstatat(d, "sub/self/self", &st, 0) == 0 && S_ISDIR(st.st_mode));
	ICHECK_ERR(fstatat(d, "sub/self/../../..", &st, 0), ENOTCAPABLE);
	/* Attributes through a path, without any path reaching the kernel. */
	ICHECK(fchmodat(d, "sub/self/deep", 0600, 0) == 0);
	ICHECK(fstatat(d, "sub/deep", &st, 0) == 0 && (st.st_mode & 0777) == 0600);
	ICHECK(utimensat(d, "chain", NULL, 0) == 0);
	ICHECK_ERR(fchmodat(d, "up", 0600, 0), ENOTCAPABLE);
	/* More directories than the walk keeps for "..": 66 levels. */
	ICHECK_ERR(openat(d, deep, O_RDONLY | O_DIRECTORY), ENAMETOOLONG);
	deep[2 * 64 - 1] = '\0';				/* 64 levels */
	ICHECK_OK(openat(d, deep, O_RDONLY | O_DIRECTORY));
	return (0);
}

static void
capmode_walk(void **state)
{
	(void)state;
	assert_isolated(walk_details, NULL);
}

/* The other *at calls resolve beneath too. */
static int
other_at_calls(void *arg)
{
	struct stat st;
	char buf[64];
	int d = open_held(), nd;

	(void)arg;
	ICHECK(d >= 0);
	ICHECK(cap_enter() == 0);
	ICHECK(fstatat(d, "sub/deep", &st, 0) == 0 && S_ISREG(st.st_mode));
	ICHECK_ERR(fstatat(d, "../secret", &st, 0), ENOTCAPABLE);
	ICHECK_ERR(fstatat(d, "/etc/passwd", &st, 0), ENOTCAPABLE);
	ICHECK_ERR(fstatat(d, "up", &st, 0), ENOTCAPABLE);
	ICHECK(fstatat(d, "up", &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISLNK(st.st_mode));
	ICHECK(faccessat(d, "inside", R_OK, 0) == 0);
	ICHECK_ERR(faccessat(d, "../secret", R_OK, 0), ENOTCAPABLE);
	/* readlinkat reads the link itself, wherever it points. */
	ICHECK(readlinkat(d, "up", buf, sizeof(buf)) == 9);
	ICHECK_ERR(readlinkat(d, "../held/up", buf, sizeof(buf)), ENOTCAPABLE);
	ICHECK(fchmodat(d, "inside", 0640, 0) == 0);
	ICHECK(fstatat(d, "inside", &st, 0) == 0 &&
	    (st.st_mode & 07777) == 0640);
	ICHECK_ERR(fchmodat(d, "../secret", 0600, 0), ENOTCAPABLE);
	ICHECK_ERR(fchownat(d, "../secret", (uid_t)-1, (gid_t)-1, 0),
	    ENOTCAPABLE);
	ICHECK(fchownat(d, "inside", (uid_t)-1, (gid_t)-1, 0) == 0);
	ICHECK(utimensat(d, "inside", NULL, 0) == 0);
	ICHECK_ERR(utimensat(d, "../secret", NULL, 0), ENOTCAPABLE);
	ICHECK(mkdirat(d, "newdir", 0700) == 0);
	ICHECK_ERR(mkdirat(d, "../newdir", 0700), ENOTCAPABLE);
	ICHECK_ERR(mkdirat(d, "/tmp/newdir", 0700), ENOTCAPABLE);
	ICHECK(unlinkat(d, "newdir", AT_REMOVEDIR) == 0);
	ICHECK_ERR(unlinkat(d, "../secret", 0), ENOTCAPABLE);
	ICHECK_ERR(unlinkat(d, "sub/../../secret", 0), ENOTCAPABLE);
	/* Creating a symlink that points out is allowed (as on FreeBSD);
	 * following it is not. */
	ICHECK(symlinkat("../../etc/passwd", d, "newlink") == 0);
	ICHECK_ERR(openat(d, "newlink", O_RDONLY), ENOTCAPABLE);
	ICHECK(unlinkat(d, "newlink", 0) == 0);
	ICHECK_ERR(symlinkat("x", d, "../newlink"), ENOTCAPABLE);
	ICHECK(renameat(d, "sub/deep", d, "moved") == 0);
	ICHECK(renameat(d, "moved", d, "sub/deep") == 0);
	ICHECK_ERR(renameat(d, "inside", d, "../moved"), ENOTCAPABLE);
	ICHECK_ERR(renameat(d, "../secret", d, "stolen"), ENOTCAPABLE);
	ICHECK(linkat(d, "inside", d, "hard", 0) == 0);
	ICHECK(unlinkat(d, "hard", 0) == 0);
	ICHECK_ERR(linkat(d, "../secret", d, "stolen", 0), ENOTCAPABLE);
	ICHECK_ERR(linkat(d, "inside", d, "../hard", 0), ENOTCAPABLE);
	/* O_CREAT beneath works; above it creates nothing. */
	nd = openat(d, "created", O_WRONLY | O_CREAT | O_EXCL, 0600);
	ICHECK(nd >= 0);
	close(nd);
	ICHECK(unlinkat(d, "created", 0) == 0);
	ICHECK_ERR(openat(d, "../created", O_WRONLY | O_CREAT, 0600),
	    ENOTCAPABLE);
	return (0);
}

static void
at_calls_beneath(void **state)
{
	char p[PATH_MAX + 16];
	struct stat st;

	(void)state;
	assert_isolated(other_at_calls, NULL);
	/* Nothing was made or moved above the held directory. */
	snprintf(p, sizeof(p), "%s/created", tree.base);
	assert_int_not_equal(stat(p, &st), 0);
	snprintf(p, sizeof(p), "%s/newdir", tree.base);
	assert_int_not_equal(stat(p, &st), 0);
	snprintf(p, sizeof(p), "%s/secret", tree.base);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0666);
}

/*
 * Magic links (/proc/self/root, /proc/self/fd/N) jump anywhere: refused,
 * even from a held /proc.  ELOOP is what RESOLVE_NO_MAGICLINKS gives;
 * ENOTCAPABLE would be FreeBSD's answer for an escape.  Both refuse.
 */
static int
magic(void *arg)
{
	char path[64], buf[96];
	int procfd, held = open_held(), fd, base;
	int limited = *(const int *)arg;
	/*
	 * Limited: /proc itself, limited.  Capability mode: "/" held (a held
	 * /proc alone gets no Landlock rule, see E38), paths through proc/.
	 */
	const char *pre = limited ? "" : "proc/";

	procfd = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (procfd < 0)
		return (iso_skip("/proc is not mounted"));
	ICHECK(held >= 0);
	if (limited) {
		ICHECK(limit_dir(procfd) == 0);
		base = procfd;
	} else {
		base = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		ICHECK(base >= 0);
		ICHECK(cap_enter() == 0);
	}
	snprintf(path, sizeof(path), "self/fd/%d/inside", held);
	const char *paths[] = { "self/root/etc/passwd", "self/cwd",
		"thread-self/root", path, "self/exe" };
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		snprintf(buf, sizeof(buf), "%s%s", pre, paths[i]);
		errno = 0;
		fd = openat(base, buf, O_RDONLY | O_CLOEXEC);
		if (fd >= 0 || (errno != ELOOP && errno != ENOTCAPABLE)) {
			fprintf(stderr, "openat(base, \"%s\"): fd %d, errno "
			    "%s\n", buf, fd, errno_name(errno));
			return (1);
		}
	}
	/* Plain symlinks in /proc that stay beneath still work. */
	snprintf(buf, sizeof(buf), "%sself/status", pre);
	fd = openat(base, buf, O_RDONLY | O_CLOEXEC);
	ICHECK(fd >= 0);
	close(fd);
	return (0);
}

static void
magic_links_limited(void **state)
{
	static const int yes = 1;

	(void)state;
	assert_isolated(magic, (void *)&yes);
}

static void
magic_links_capmode(void **state)
{
	static const int no = 0;

	(void)state;
	assert_isolated(magic, (void *)&no);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unlimited_dirfd_escapes),
		cmocka_unit_test(limited_dirfd),
		cmocka_unit_test(resolve_beneath_flag),
		cmocka_unit_test(resolve_beneath_cwd),
		cmocka_unit_test(capmode_unlimited_dirfd),
		cmocka_unit_test(capmode_limited_dirfd),
		cmocka_unit_test(capmode_walk),
		cmocka_unit_test(at_calls_beneath),
		cmocka_unit_test(magic_links_limited),
		cmocka_unit_test(magic_links_capmode),
	};

	return (cmocka_run_group_tests(tests, group_setup, group_teardown));
}
