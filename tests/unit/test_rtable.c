/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_rtable.c - the rights table through the public API
 *
 * Rights only narrow; they belong to the descriptor slot and travel with
 * dup, dup2, dup3 and F_DUPFD*; close forgets them.  Every checked
 * operation fails with ENOTCAPABLE without its right (before any other
 * error) and works with exactly its right.  Where the kernel can keep a
 * right (an unshared O_RDWR file limited to reading), a raw system call is
 * refused too.
 *
 * These tests run in the cmocka process (no capability mode), on
 * descriptors they create themselves.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/vfs.h>
#include <termios.h>
#include <unistd.h>
#include <cmocka.h>

#include <sys/capsicum.h>

#include "cmassert.h"
#include "fdutil.h"
#include "tmpdir.h"

static struct tree tree;
static int basefd = -1;
static int srvfd = -1;		/* a listening socket for connect tests */
static int sockseq;

#define LIMIT(fd, ...)							\
	do {								\
		cap_rights_t lim_r_;					\
		cap_rights_init(&lim_r_, __VA_ARGS__);			\
		assert_int_equal(cap_rights_limit((fd), &lim_r_), 0);	\
	} while (0)

static void
srv_path(struct sockaddr_un *sa, const char *name)
{
	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	if ((size_t)snprintf(sa->sun_path, sizeof(sa->sun_path), "%s/%s",
	    tree.base, name) >= sizeof(sa->sun_path))
		fail_msg("socket path too long under %s", tree.base);
}

static int
group_setup(void **state)
{
	struct sockaddr_un sa;

	(void)state;
	if (tree_make(&tree) != 0)
		return (-1);
	basefd = open(tree.base, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	srvfd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	srv_path(&sa, "srv");
	if (basefd < 0 || srvfd < 0 ||
	    bind(srvfd, (struct sockaddr *)&sa, sizeof(sa)) != 0 ||
	    listen(srvfd, 128) != 0)
		return (-1);
	return (0);
}

static int
group_teardown(void **state)
{
	(void)state;
	close(srvfd);
	close(basefd);
	return (tree_remove(&tree));
}

/* A fresh O_RDWR regular file holding "0123456789". */
static int
new_file(void)
{
	int fd;

	fd = openat(basefd, "data", O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "0123456789", 10), 10);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	return (fd);
}

static int
new_dir(void)
{
	int fd = openat(basefd, "held", O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	assert_true(fd >= 0);
	return (fd);
}

static void
assert_rights_eq(int fd, const cap_rights_t *want)
{
	cap_rights_t got;

	assert_int_equal(cap_rights_get(fd, &got), 0);
	if (memcmp(&got, want, sizeof(got)) != 0)
		fail_msg("fd %d has %016llx %016llx, expected %016llx %016llx",
		    fd, (unsigned long long)got.cr_rights[0],
		    (unsigned long long)got.cr_rights[1],
		    (unsigned long long)want->cr_rights[0],
		    (unsigned long long)want->cr_rights[1]);
}

static void
assert_all_rights(int fd)
{
	cap_rights_t all;

	CAP_ALL(&all);
	assert_rights_eq(fd, &all);
}

/* ---- limit and get ---- */

static void
limit_narrows_only(void **state)
{
	cap_rights_t r, wide;
	int fd = new_file();

	(void)state;
	assert_all_rights(fd);
	cap_rights_init(&r, CAP_READ, CAP_WRITE, CAP_SEEK, CAP_FSTAT);
	assert_int_equal(cap_rights_limit(fd, &r), 0);
	assert_rights_eq(fd, &r);
	/* Asking again for the same rights is fine. */
	assert_int_equal(cap_rights_limit(fd, &r), 0);
	/* Widening fails and changes nothing. */
	cap_rights_init(&wide, CAP_READ, CAP_WRITE, CAP_SEEK, CAP_FSTAT,
	    CAP_FTRUNCATE);
	ASSERT_ERR(cap_rights_limit(fd, &wide), ENOTCAPABLE);
	assert_rights_eq(fd, &r);
	cap_rights_init(&wide, CAP_IOCTL);
	ASSERT_ERR(cap_rights_limit(fd, &wide), ENOTCAPABLE);
	assert_rights_eq(fd, &r);
	/* Narrowing further works; then the old set is a widening. */
	cap_rights_init(&wide, CAP_READ, CAP_FSTAT);
	assert_int_equal(cap_rights_limit(fd, &wide), 0);
	assert_rights_eq(fd, &wide);
	ASSERT_ERR(cap_rights_limit(fd, &r), ENOTCAPABLE);
	/* The empty set is allowed. */
	cap_rights_init(&r);
	assert_int_equal(cap_rights_limit(fd, &r), 0);
	assert_rights_eq(fd, &r);
	assert_int_equal(close(fd), 0);
}

static void
limit_errors(void **state)
{
	cap_rights_t r, bad;
	unsigned long cmd = FIONREAD;
	uint32_t fr;
	int fd = new_file(), closed;

	(void)state;
	closed = dup(fd);
	assert_int_equal(close(closed), 0);
	cap_rights_init(&r, CAP_READ);
	ASSERT_ERR(cap_rights_limit(closed, &r), EBADF);
	ASSERT_ERR(cap_rights_limit(-1, &r), EBADF);
	ASSERT_ERR(cap_rights_get(closed, &r), EBADF);
	ASSERT_ERR(cap_ioctls_limit(closed, &cmd, 1), EBADF);
	ASSERT_ERR(cap_ioctls_get(closed, &cmd, 1), EBADF);
	ASSERT_ERR(cap_fcntls_limit(closed, CAP_FCNTL_GETFL), EBADF);
	ASSERT_ERR(cap_fcntls_get(closed, &fr), EBADF);
	/* Invalid rights: EINVAL, and before EBADF (FreeBSD checks them
	 * before looking the descriptor up). */
	bad = r;
	bad.cr_rights[0] |= 1ULL << 62;
	ASSERT_ERR(cap_rights_limit(fd, &bad), EINVAL);
	ASSERT_ERR(cap_rights_limit(closed, &bad), EINVAL);
	bad = r;
	bad.cr_rights[1] = bad.cr_rights[0];
	ASSERT_ERR(cap_rights_limit(fd, &bad), EINVAL);
	assert_all_rights(fd);
	ASSERT_ERR(cap_fcntls_limit(fd, 1u << 20), EINVAL);
	ASSERT_ERR(cap_fcntls_limit(closed, 1u << 20), EINVAL);
	/* More than 256 ioctl commands: EINVAL, also before EBADF. */
	{
		unsigned long many[257];

		for (size_t i = 0; i < 257; i++)
			many[i] = FIONREAD;
		ASSERT_ERR(cap_ioctls_limit(fd, many, 257), EINVAL);
		ASSERT_ERR(cap_ioctls_limit(closed, many, 257), EINVAL);
	}
	assert_int_equal(close(fd), 0);
}

/* ---- dup family ---- */

enum dupkind { D_DUP, D_DUP2, D_DUP3, D_DUPFD, D_DUPFD_CLOEXEC };

static int
dup_by(enum dupkind k, int fd)
{
	int target;

	switch (k) {
	case D_DUP:
		return (dup(fd));
	case D_DUP2:
		target = fcntl(fd, F_DUPFD, 200);
		assert_true(target >= 0);
		return (dup2(fd, target));
	case D_DUP3:
		target = fcntl(fd, F_DUPFD, 200);
		assert_true(target >= 0);
		return (dup3(fd, target, O_CLOEXEC));
	case D_DUPFD:
		return (fcntl(fd, F_DUPFD, 100));
	case D_DUPFD_CLOEXEC:
		return (fcntl(fd, F_DUPFD_CLOEXEC, 100));
	}
	return (-1);
}

static void
dups_carry_rights(void **state)
{
	static const char *const names[] = { "dup", "dup2", "dup3",
		"F_DUPFD", "F_DUPFD_CLOEXEC" };
	cap_rights_t r, r2;
	unsigned long cmds[] = { FIONREAD }, got[4];
	uint32_t fr;

	(void)state;
	for (int k = D_DUP; k <= D_DUPFD_CLOEXEC; k++) {
		int fd = new_file(), nfd;

		cap_rights_init(&r, CAP_READ, CAP_SEEK, CAP_FSTAT, CAP_IOCTL,
		    CAP_FCNTL);
		assert_int_equal(cap_rights_limit(fd, &r), 0);
		assert_int_equal(cap_ioctls_limit(fd, cmds, 1), 0);
		assert_int_equal(cap_fcntls_limit(fd, CAP_FCNTL_GETFL), 0);
		nfd = dup_by((enum dupkind)k, fd);
		if (nfd < 0)
			fail_msg("%s failed", names[k]);
		assert_rights_eq(nfd, &r);
		assert_int_equal(cap_ioctls_get(nfd, got, 4), 1);
		assert_true(got[0] == FIONREAD);
		assert_int_equal(cap_fcntls_get(nfd, &fr), 0);
		assert_int_equal(fr, CAP_FCNTL_GETFL);
		/* The copy is checked like the original. */
		ASSERT_ERR(write(nfd, "x", 1), ENOTCAPABLE);
		/* Rights belong to the slot: narrowing one leaves the other. */
		cap_rights_init(&r2, CAP_FSTAT);
		assert_int_equal(cap_rights_limit(nfd, &r2), 0);
		assert_rights_eq(fd, &r);
		assert_rights_eq(nfd, &r2);
		assert_int_equal(close(nfd), 0);
		assert_int_equal(close(fd), 0);
	}
}

static void
dup_shares_offset_not_rights(void **state)
{
	char c;
	int fd = new_file(), nfd;

	(void)state;
	nfd = dup(fd);
	assert_true(nfd >= 0);
	LIMIT(nfd, CAP_READ, CAP_SEEK);
	assert_int_equal(lseek(fd, 4, SEEK_SET), 4);
	assert_int_equal(read(nfd, &c, 1), 1);
	assert_int_equal(c, '4');
	/* fd still writes; nfd may not. */
	assert_int_equal(write(fd, "W", 1), 1);
	ASSERT_ERR(write(nfd, "x", 1), ENOTCAPABLE);
	assert_all_rights(fd);
	close(nfd);
	close(fd);
}

static void
dup2_onto_limited_replaces(void **state)
{
	cap_rights_t r;
	int a = new_file(), b;

	(void)state;
	b = openat(basefd, "secret", O_RDONLY | O_CLOEXEC);
	assert_true(b >= 0);
	LIMIT(b, CAP_FSTAT);
	/* Unlimited source onto a limited target: the target has all. */
	assert_int_equal(dup2(a, b), b);
	assert_all_rights(b);
	/* Limited source onto an unlimited target: the target is limited. */
	LIMIT(a, CAP_READ, CAP_SEEK);
	assert_int_equal(dup3(a, b, O_CLOEXEC), b);
	cap_rights_init(&r, CAP_READ, CAP_SEEK);
	assert_rights_eq(b, &r);
	/* dup2(fd, fd) keeps the rights. */
	assert_int_equal(dup2(b, b), b);
	assert_rights_eq(b, &r);
	ASSERT_ERR(dup3(b, b, 0), EINVAL);
	close(a);
	close(b);
}

/* ---- close forgets ---- */

static void
close_forgets(void **state)
{
	int fd = new_file(), src = new_dir(), n;
	FILE *fp;

	(void)state;
	LIMIT(fd, CAP_FSTAT);
	assert_int_equal(close(fd), 0);
	ASSERT_ERR(cap_rights_get(fd, &(cap_rights_t){ { 0 } }), EBADF);
	/* The kernel reuses the number behind the library's back. */
	assert_int_equal(syscall(SYS_dup3, src, fd, O_CLOEXEC), fd);
	assert_all_rights(fd);
	ASSERT_OK(syscall(SYS_close, fd));

	/* fclose() closes inside libc; the number must be forgotten too. */
	fd = new_file();
	LIMIT(fd, CAP_READ, CAP_SEEK, CAP_FSTAT, CAP_FCNTL);
	fp = fdopen(fd, "r");
	assert_non_null(fp);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(syscall(SYS_dup3, src, fd, O_CLOEXEC), fd);
	assert_all_rights(fd);
	ASSERT_OK(syscall(SYS_close, fd));

	/* close_range() forgets every number in the range. */
	fd = new_file();
	n = fcntl(fd, F_DUPFD_CLOEXEC, 300);
	assert_true(n >= 300);
	LIMIT(n, CAP_READ);
	assert_int_equal(close_range((unsigned)n, (unsigned)n + 5, 0), 0);
	assert_int_equal(syscall(SYS_dup3, src, n, O_CLOEXEC), n);
	assert_all_rights(n);
	ASSERT_OK(syscall(SYS_close, n));
	close(fd);
	close(src);
}

/* ---- ioctls and fcntls ---- */

static void
ioctls_limit_and_get(void **state)
{
	unsigned long one[] = { FIONREAD }, two[] = { FIONREAD, FIONBIO };
	unsigned long got[4] = { 0 }, many[257];
	int p[2], n, on = 1;

	(void)state;
	assert_int_equal(make_pipe(p), 0);
	assert_true(cap_ioctls_get(p[0], got, 4) == CAP_IOCTLS_ALL);
	assert_int_equal(cap_ioctls_limit(p[0], one, 1), 0);
	assert_int_equal(cap_ioctls_get(p[0], got, 4), 1);
	assert_true(got[0] == FIONREAD);
	/* maxcmds smaller than the list: the count, and no overrun. */
	got[0] = 0;
	assert_int_equal(cap_ioctls_get(p[0], got, 0), 1);
	assert_true(got[0] == 0);
	ASSERT_OK(ioctl(p[0], FIONREAD, &n));
	ASSERT_ERR(ioctl(p[0], FIONBIO, &on), ENOTCAPABLE);
	/* The list only narrows. */
	ASSERT_ERR(cap_ioctls_limit(p[0], two, 2), ENOTCAPABLE);
	assert_int_equal(cap_ioctls_get(p[0], got, 4), 1);
	/* cap_rights_limit keeps the list. */
	LIMIT(p[0], CAP_READ, CAP_IOCTL);
	assert_int_equal(cap_ioctls_get(p[0], got, 4), 1);
	/* An empty list allows no command at all. */
	assert_int_equal(cap_ioctls_limit(p[0], NULL, 0), 0);
	assert_int_equal(cap_ioctls_get(p[0], got, 4), 0);
	ASSERT_ERR(ioctl(p[0], FIONREAD, &n), ENOTCAPABLE);
	/* More than 256 commands: EINVAL. */
	for (size_t i = 0; i < 257; i++)
		many[i] = FIONREAD;
	ASSERT_ERR(cap_ioctls_limit(p[1], many, 257), EINVAL);
	assert_true(cap_ioctls_get(p[1], got, 4) == CAP_IOCTLS_ALL);
	/* Without CAP_IOCTL, even a listed command is refused. */
	assert_int_equal(cap_ioctls_limit(p[1], one, 1), 0);
	LIMIT(p[1], CAP_WRITE);
	ASSERT_ERR(ioctl(p[1], FIONREAD, &n), ENOTCAPABLE);
	close(p[0]);
	close(p[1]);
}

static void
fcntls_limit_and_get(void **state)
{
	uint32_t fr = 0;
	int fd = new_file(), fl;

	(void)state;
	assert_int_equal(cap_fcntls_get(fd, &fr), 0);
	assert_int_equal(fr, CAP_FCNTL_ALL);
	ASSERT_ERR(cap_fcntls_get(fd, NULL), EFAULT);
	assert_int_equal(cap_fcntls_limit(fd, CAP_FCNTL_GETFL), 0);
	assert_int_equal(cap_fcntls_get(fd, &fr), 0);
	assert_int_equal(fr, CAP_FCNTL_GETFL);
	fl = fcntl(fd, F_GETFL);
	assert_true(fl >= 0);
	ASSERT_ERR(fcntl(fd, F_SETFL, fl | O_NONBLOCK), ENOTCAPABLE);
	ASSERT_ERR(fcntl(fd, F_GETOWN), ENOTCAPABLE);
	/* F_GETFD/F_SETFD need no right, as on FreeBSD. */
	ASSERT_OK(fcntl(fd, F_GETFD));
	ASSERT_OK(fcntl(fd, F_SETFD, FD_CLOEXEC));
	ASSERT_ERR(cap_fcntls_limit(fd, CAP_FCNTL_GETFL | CAP_FCNTL_SETFL),
	    ENOTCAPABLE);
	assert_int_equal(cap_fcntls_limit(fd, 0), 0);
	ASSERT_ERR(fcntl(fd, F_GETFL), ENOTCAPABLE);
	close(fd);
	/* Without CAP_FCNTL no fcntl command that needs it works. */
	fd = new_file();
	LIMIT(fd, CAP_READ, CAP_WRITE, CAP_SEEK);
	ASSERT_ERR(fcntl(fd, F_GETFL), ENOTCAPABLE);
	ASSERT_OK(fcntl(fd, F_GETFD));
	close(fd);
}

/* ---- each checked operation ---- */

enum kind { K_FILE, K_DIR, K_PIPE_R, K_PIPE_W, K_SOCKPAIR, K_LISTENER,
	K_SOCKET, K_BOUND };

struct fx {
	int	fd;
	int	other;
};

static void
unique_addr(struct sockaddr_un *sa)
{
	char name[32];

	snprintf(name, sizeof(name), "s%d", ++sockseq);
	srv_path(sa, name);
}

static struct fx
fx_make(enum kind k)
{
	struct sockaddr_un sa;
	struct fx f = { -1, -1 };
	int p[2];

	switch (k) {
	case K_FILE:
		f.fd = new_file();
		break;
	case K_DIR:
		f.fd = new_dir();
		break;
	case K_PIPE_R:
	case K_PIPE_W:
		assert_int_equal(make_pipe(p), 0);
		assert_int_equal(write(p[1], "abc", 3), 3);
		f.fd = k == K_PIPE_R ? p[0] : p[1];
		f.other = k == K_PIPE_R ? p[1] : p[0];
		break;
	case K_SOCKPAIR:
		assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC,
		    0, p), 0);
		assert_int_equal(write(p[1], "abc", 3), 3);
		f.fd = p[0];
		f.other = p[1];
		break;
	case K_LISTENER:
	case K_BOUND:
		f.fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		assert_true(f.fd >= 0);
		unique_addr(&sa);
		assert_int_equal(bind(f.fd, (struct sockaddr *)&sa,
		    sizeof(sa)), 0);
		if (k == K_BOUND)
			break;
		assert_int_equal(listen(f.fd, 4), 0);
		f.other = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		assert_int_equal(connect(f.other, (struct sockaddr *)&sa,
		    sizeof(sa)), 0);
		break;
	case K_SOCKET:
		f.fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		assert_true(f.fd >= 0);
		break;
	}
	return (f);
}

static void
fx_free(struct fx *f)
{
	if (f->fd >= 0)
		close(f->fd);
	if (f->other >= 0)
		close(f->other);
}

static char buf[64];

static long op_read(int fd) { return (read(fd, buf, 1)); }
static long op_write(int fd) { return (write(fd, "w", 1)); }
static long op_pread(int fd) { return (pread(fd, buf, 1, 2)); }
static long op_pwrite(int fd) { return (pwrite(fd, "w", 1, 2)); }
static long op_lseek(int fd) { return (lseek(fd, 1, SEEK_SET)); }
static long op_fsync(int fd) { return (fsync(fd)); }
static long op_flock(int fd) { return (flock(fd, LOCK_SH)); }
static long op_fchmod(int fd) { return (fchmod(fd, 0640)); }
static long op_fchown(int fd) { return (fchown(fd, (uid_t)-1, (gid_t)-1)); }
static long op_ftruncate(int fd) { return (ftruncate(fd, 4)); }
static long op_futimens(int fd) { return (futimens(fd, NULL)); }
static long op_listen(int fd) { return (listen(fd, 1)); }
static long op_shutdown(int fd) { return (shutdown(fd, SHUT_WR)); }

static long
op_readv(int fd)
{
	struct iovec iov = { buf, 1 };

	return (readv(fd, &iov, 1));
}

static long
op_writev(int fd)
{
	struct iovec iov = { (void *)"v", 1 };

	return (writev(fd, &iov, 1));
}

static long
op_fstat(int fd)
{
	struct stat st;

	return (fstat(fd, &st));
}

static long
op_fstatfs(int fd)
{
	struct statfs st;

	return (fstatfs(fd, &st));
}

static long
op_mmap(int fd)
{
	void *p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);

	if (p == MAP_FAILED)
		return (-1);
	munmap(p, 4096);
	return (0);
}

static long
op_ioctl(int fd)
{
	int n;

	return (ioctl(fd, FIONREAD, &n));
}

static long op_fcntl(int fd) { return (fcntl(fd, F_GETFL)); }

static long
op_openat(int fd)
{
	int r = openat(fd, "inside", O_RDONLY | O_CLOEXEC);

	if (r >= 0)
		close(r);
	return (r);
}

static long
op_fstatat(int fd)
{
	struct stat st;

	return (fstatat(fd, "inside", &st, 0));
}

static long
op_faccessat(int fd)
{
	return (faccessat(fd, "inside", R_OK, 0));
}

static long
op_mkdirat(int fd)
{
	long r = mkdirat(fd, "newdir", 0700);

	if (r == 0)
		assert_int_equal(unlinkat(basefd, "held/newdir", AT_REMOVEDIR),
		    0);
	return (r);
}

static long
op_unlinkat(int fd)
{
	assert_int_equal(put_file(basefd, "held/victim", "v"), 0);
	return (unlinkat(fd, "victim", 0));
}

static long
op_symlinkat(int fd)
{
	long r = symlinkat("inside", fd, "newlink");

	if (r == 0)
		assert_int_equal(unlinkat(basefd, "held/newlink", 0), 0);
	return (r);
}

static long
op_fchdir(int fd)
{
	int cwd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	long r;

	assert_true(cwd >= 0);
	r = fchdir(fd);
	assert_int_equal(fchdir(cwd), 0);
	close(cwd);
	return (r);
}

static long
op_accept(int fd)
{
	int r = accept(fd, NULL, NULL);

	if (r >= 0)
		close(r);
	return (r);
}

static long
op_connect(int fd)
{
	struct sockaddr_un sa;

	srv_path(&sa, "srv");
	return (connect(fd, (struct sockaddr *)&sa, sizeof(sa)));
}

static long
op_bind(int fd)
{
	struct sockaddr_un sa;

	unique_addr(&sa);
	return (bind(fd, (struct sockaddr *)&sa, sizeof(sa)));
}

static long
op_getsockname(int fd)
{
	struct sockaddr_un sa;
	socklen_t len = sizeof(sa);

	return (getsockname(fd, (struct sockaddr *)&sa, &len));
}

static long
op_getpeername(int fd)
{
	struct sockaddr_un sa;
	socklen_t len = sizeof(sa);

	return (getpeername(fd, (struct sockaddr *)&sa, &len));
}

static long
op_getsockopt(int fd)
{
	int v;
	socklen_t len = sizeof(v);

	return (getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len));
}

static long
op_setsockopt(int fd)
{
	int v = 65536;

	return (setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &v, sizeof(v)));
}

static long op_send(int fd) { return (send(fd, "s", 1, 0)); }
static long op_recv(int fd) { return (recv(fd, buf, 1, MSG_DONTWAIT)); }

static long
op_sendmsg(int fd)
{
	struct iovec iov = { (void *)"m", 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };

	return (sendmsg(fd, &m, 0));
}

static long
op_recvmsg(int fd)
{
	struct iovec iov = { buf, 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };

	return (recvmsg(fd, &m, MSG_DONTWAIT));
}

struct op {
	const char	*name;
	enum kind	kind;
	uint64_t	need[3];	/* the rights it needs, 0-terminated */
	long		(*run)(int);
};

/* clang-format off */
static const struct op ops[] = {
	{ "read",	K_FILE,	{ CAP_READ },		op_read },
	{ "readv",	K_FILE,	{ CAP_READ },		op_readv },
	{ "write",	K_FILE,	{ CAP_WRITE },		op_write },
	{ "writev",	K_FILE,	{ CAP_WRITE },		op_writev },
	{ "pread",	K_FILE,	{ CAP_PREAD },		op_pread },
	{ "pwrite",	K_FILE,	{ CAP_PWRITE },		op_pwrite },
	{ "lseek",	K_FILE,	{ CAP_SEEK },		op_lseek },
	{ "fstat",	K_FILE,	{ CAP_FSTAT },		op_fstat },
	{ "fstatfs",	K_FILE,	{ CAP_FSTATFS },	op_fstatfs },
	{ "fsync",	K_FILE,	{ CAP_FSYNC },		op_fsync },
	{ "flock",	K_FILE,	{ CAP_FLOCK },		op_flock },
	{ "fchmod",	K_FILE,	{ CAP_FCHMOD },		op_fchmod },
	{ "fchown",	K_FILE,	{ CAP_FCHOWN },		op_fchown },
	{ "ftruncate",	K_FILE,	{ CAP_FTRUNCATE },	op_ftruncate },
	{ "futimens",	K_FILE,	{ CAP_FUTIMES },	op_futimens },
	{ "mmap",	K_FILE,	{ CAP_MMAP_R },		op_mmap },
	{ "fcntl",	K_FILE,	{ CAP_FCNTL },		op_fcntl },
	{ "ioctl",	K_PIPE_R, { CAP_IOCTL },	op_ioctl },
	{ "read pipe",	K_PIPE_R, { CAP_READ },		op_read },
	{ "write pipe",	K_PIPE_W, { CAP_WRITE },	op_write },
	{ "openat",	K_DIR,	{ CAP_LOOKUP, CAP_READ }, op_openat },
	{ "fstatat",	K_DIR,	{ CAP_FSTATAT },	op_fstatat },
	{ "faccessat",	K_DIR,	{ CAP_FSTATAT },	op_faccessat },
	{ "mkdirat",	K_DIR,	{ CAP_MKDIRAT },	op_mkdirat },
	{ "unlinkat",	K_DIR,	{ CAP_UNLINKAT },	op_unlinkat },
	{ "symlinkat",	K_DIR,	{ CAP_SYMLINKAT },	op_symlinkat },
	{ "fchdir",	K_DIR,	{ CAP_FCHDIR },		op_fchdir },
	{ "accept",	K_LISTENER, { CAP_ACCEPT },	op_accept },
	{ "listen",	K_BOUND, { CAP_LISTEN },	op_listen },
	{ "connect",	K_SOCKET, { CAP_CONNECT },	op_connect },
	{ "bind",	K_SOCKET, { CAP_BIND },		op_bind },
	{ "getsockname", K_SOCKPAIR, { CAP_GETSOCKNAME }, op_getsockname },
	{ "getpeername", K_SOCKPAIR, { CAP_GETPEERNAME }, op_getpeername },
	{ "getsockopt",	K_SOCKPAIR, { CAP_GETSOCKOPT },	op_getsockopt },
	{ "setsockopt",	K_SOCKPAIR, { CAP_SETSOCKOPT },	op_setsockopt },
	{ "shutdown",	K_SOCKPAIR, { CAP_SHUTDOWN },	op_shutdown },
	{ "send",	K_SOCKPAIR, { CAP_SEND },	op_send },
	{ "recv",	K_SOCKPAIR, { CAP_RECV },	op_recv },
	{ "sendmsg",	K_SOCKPAIR, { CAP_SEND },	op_sendmsg },
	{ "recvmsg",	K_SOCKPAIR, { CAP_RECV },	op_recvmsg },
};
/* clang-format on */

static void
rights_of_op(const struct op *op, cap_rights_t *r)
{
	cap_rights_init(r);
	for (int i = 0; i < 3 && op->need[i] != 0; i++)
		cap_rights_set(r, op->need[i]);
}

static void
each_op_without_right(void **state)
{
	cap_rights_t all, need;

	(void)state;
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		struct fx f = fx_make(ops[i].kind);

		CAP_ALL(&all);
		rights_of_op(&ops[i], &need);
		cap_rights_remove(&all, &need);
		assert_int_equal(cap_rights_limit(f.fd, &all), 0);
		errno = 0;
		if (ops[i].run(f.fd) != -1 || errno != ENOTCAPABLE)
			fail_msg("%s without its right: errno %d, expected "
			    "ENOTCAPABLE", ops[i].name, errno);
		fx_free(&f);
	}
}

static void
each_op_with_right(void **state)
{
	cap_rights_t need;

	(void)state;
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		struct fx f = fx_make(ops[i].kind);

		rights_of_op(&ops[i], &need);
		assert_int_equal(cap_rights_limit(f.fd, &need), 0);
		errno = 0;
		if (ops[i].run(f.fd) == -1)
			fail_msg("%s with exactly its right failed: errno %d",
			    ops[i].name, errno);
		fx_free(&f);
	}
}

/* ENOTCAPABLE comes before the operation's own error. */
static void
enotcapable_first(void **state)
{
	struct termios t;
	int p[2], fd = new_file(), d = new_dir(), n;

	(void)state;
	assert_int_equal(make_pipe(p), 0);
	LIMIT(p[0], CAP_READ);
	ASSERT_ERR(lseek(p[0], 0, SEEK_CUR), ENOTCAPABLE);	/* not ESPIPE */
	LIMIT(p[1], CAP_WRITE);
	ASSERT_ERR(read(p[1], buf, 1), ENOTCAPABLE);		/* not EBADF */
	ASSERT_ERR(accept(p[1], NULL, NULL), ENOTCAPABLE);	/* not ENOTSOCK */
	ASSERT_ERR(ioctl(p[1], FIONREAD, &n), ENOTCAPABLE);
	LIMIT(fd, CAP_READ, CAP_WRITE, CAP_SEEK);
	ASSERT_ERR(ioctl(fd, TCGETS, &t), ENOTCAPABLE);	/* not ENOTTY */
	ASSERT_ERR(fchdir(fd), ENOTCAPABLE);			/* not ENOTDIR */
	ASSERT_ERR(openat(fd, "x", O_RDONLY), ENOTCAPABLE);	/* not ENOTDIR */
	LIMIT(d, CAP_READ, CAP_LOOKUP);
	ASSERT_ERR(write(d, "x", 1), ENOTCAPABLE);		/* not EBADF */
	ASSERT_ERR(openat(d, "nonexistent", O_RDONLY), ENOENT);
	close(p[0]);
	close(p[1]);
	close(fd);
	close(d);
}

/* ---- what the kernel keeps ---- */

static void
kernel_keeps_read_only(void **state)
{
	char c;
	int fd = new_file();

	(void)state;
	assert_int_equal(lseek(fd, 3, SEEK_SET), 3);
	LIMIT(fd, CAP_READ, CAP_SEEK, CAP_FSTAT, CAP_FCNTL);
	assert_int_equal(fd_kernel_accmode(fd), O_RDONLY);
	/* The offset and close-on-exec survive the reopen. */
	assert_int_equal(read(fd, &c, 1), 1);
	assert_int_equal(c, '3');
	assert_true((fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
	ASSERT_ERR(syscall(SYS_write, fd, "x", 1), EBADF);
	ASSERT_ERR(syscall(SYS_pwrite64, fd, "x", 1, 0), EBADF);
	ASSERT_ERR(syscall(SYS_ftruncate, fd, 0), EINVAL);
	ASSERT_ERR(write(fd, "x", 1), ENOTCAPABLE);
	close(fd);
}

static void
kernel_keeps_write_only(void **state)
{
	int fd = new_file();

	(void)state;
	LIMIT(fd, CAP_WRITE, CAP_SEEK);
	assert_int_equal(fd_kernel_accmode(fd), O_WRONLY);
	ASSERT_ERR(syscall(SYS_read, fd, buf, 1), EBADF);
	assert_int_equal(write(fd, "w", 1), 1);
	close(fd);
}

static void
kernel_o_path_for_lookup_only(void **state)
{
	int d = new_dir(), fd = new_file(), sub;

	(void)state;
	LIMIT(d, CAP_LOOKUP);
	assert_int_equal(fd_kernel_accmode(d), O_PATH);
	ASSERT_ERR(syscall(SYS_getdents64, d, buf, sizeof(buf)), EBADF);
	/* Lookups still work, and the new descriptor gets no more. */
	sub = openat(d, "sub", O_PATH | O_DIRECTORY | O_CLOEXEC);
	assert_true(sub >= 0);
	close(sub);
	ASSERT_ERR(openat(d, "inside", O_RDONLY), ENOTCAPABLE);
	LIMIT(fd, CAP_FSTAT);
	assert_int_equal(fd_kernel_accmode(fd), O_PATH);
	ASSERT_ERR(syscall(SYS_read, fd, buf, 1), EBADF);
	ASSERT_OK(fstat(fd, &(struct stat){ 0 }));
	close(d);
	close(fd);
}

/* A description shared by another slot is not reopened: the library alone
 * enforces, and the sharer keeps its access. */
static void
shared_description_not_reopened(void **state)
{
	int fd = new_file(), other;

	(void)state;
	other = dup(fd);
	assert_true(other >= 0);
	LIMIT(fd, CAP_READ, CAP_SEEK);
	assert_int_equal(fd_kernel_accmode(fd), O_RDWR);
	ASSERT_ERR(write(fd, "x", 1), ENOTCAPABLE);
	assert_int_equal(write(other, "y", 1), 1);
	assert_int_equal(lseek(other, 7, SEEK_SET), 7);
	assert_int_equal(lseek(fd, 0, SEEK_CUR), 7);
	close(other);
	close(fd);
}

/* openat through a limited dirfd: beneath, and the new fd inherits. */
static void
openat_inherits_dir_rights(void **state)
{
	cap_rights_t r;
	int d = new_dir(), fd;

	(void)state;
	cap_rights_init(&r, CAP_LOOKUP, CAP_READ, CAP_SEEK, CAP_FSTAT);
	assert_int_equal(cap_rights_limit(d, &r), 0);
	fd = openat(d, "inside", O_RDONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	assert_rights_eq(fd, &r);
	ASSERT_ERR(write(fd, "x", 1), ENOTCAPABLE);
	close(fd);
	ASSERT_ERR(openat(d, "inside", O_WRONLY), ENOTCAPABLE);
	ASSERT_ERR(openat(d, "inside", O_RDWR), ENOTCAPABLE);
	ASSERT_ERR(openat(d, "new", O_RDONLY | O_CREAT, 0600), ENOTCAPABLE);
	ASSERT_ERR(openat(d, "../secret", O_RDONLY), ENOTCAPABLE);
	close(d);
}

/* New descriptors from pipe/socketpair/open start with all rights. */
static void
new_descriptors_unlimited(void **state)
{
	int p[2], s[2], fd = new_file();

	(void)state;
	LIMIT(fd, CAP_READ);
	assert_int_equal(make_pipe(p), 0);
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, s), 0);
	assert_all_rights(p[0]);
	assert_all_rights(p[1]);
	assert_all_rights(s[0]);
	assert_all_rights(s[1]);
	close(p[0]);
	close(p[1]);
	close(s[0]);
	close(s[1]);
	close(fd);
}

/*
 * The table at scale: up to 100,000 descriptors (as many as RLIMIT_NOFILE
 * lets this process hold, or $CAPMODE_TEST_FDS), spread over many of its
 * chunks, each keep their own rights; a close forgets exactly one; checks
 * stay exact at the top of the table.  Descriptor i is a dup of base
 * i % 3, opened with the access its rights keep, so that no limit needs a
 * reopen (whose sharing scan costs one kcmp per open descriptor).
 */
static void
many_descriptors(void **state)
{
	struct rlimit old, rl;
	cap_rights_t r[3], got;
	const char *env = getenv("CAPMODE_TEST_FDS");
	char c;
	int base[3], n = 100000, *fds;

	(void)state;
	/* A slow machine (the test VM without KVM) may ask for fewer. */
	if (env != NULL && atoi(env) >= 1000 && atoi(env) < n)
		n = atoi(env);
	assert_int_equal(getrlimit(RLIMIT_NOFILE, &old), 0);
	rl.rlim_cur = rl.rlim_max = 100200;
	if (setrlimit(RLIMIT_NOFILE, &rl) != 0) {
		rl.rlim_cur = rl.rlim_max = old.rlim_max;
		assert_int_equal(setrlimit(RLIMIT_NOFILE, &rl), 0);
		if (rl.rlim_cur < (rlim_t)n + 200)
			n = (int)rl.rlim_cur - 200;
	}
	print_message("many_descriptors: %d descriptors\n", n);
	assert_true(n >= 1000);
	fds = malloc((size_t)n * sizeof(*fds));
	assert_non_null(fds);
	close(new_file());
	base[0] = openat(basefd, "data", O_RDONLY | O_CLOEXEC);
	base[1] = openat(basefd, "data", O_WRONLY | O_CLOEXEC);
	base[2] = openat(basefd, "data", O_PATH | O_CLOEXEC);
	assert_true(base[0] >= 0 && base[1] >= 0 && base[2] >= 0);
	cap_rights_init(&r[0], CAP_READ, CAP_SEEK);
	cap_rights_init(&r[1], CAP_WRITE, CAP_SEEK);
	cap_rights_init(&r[2], CAP_FSTAT);
	for (int i = 0; i < n; i++) {
		fds[i] = fcntl(base[i % 3], F_DUPFD_CLOEXEC, 64);
		assert_true(fds[i] >= 0);
		assert_int_equal(cap_rights_limit(fds[i], &r[i % 3]), 0);
	}
	for (int i = 0; i < n; i++)
		assert_rights_eq(fds[i], &r[i % 3]);
	/* Every 7th closed and its number reused: a fresh, unlimited slot. */
	for (int i = 0; i < n; i += 7) {
		assert_int_equal(close(fds[i]), 0);
		assert_int_equal(fcntl(base[i % 3], F_DUPFD_CLOEXEC, fds[i]),
		    fds[i]);
	}
	for (int i = 0; i < n; i++) {
		if (i % 7 == 0) {
			assert_all_rights(fds[i]);
			continue;
		}
		assert_int_equal(cap_rights_get(fds[i], &got), 0);
		assert_memory_equal(&got, &r[i % 3], sizeof(got));
	}
	/* Checked calls on the highest descriptors and a sample below. */
	for (int i = n - 1; i > 0; i -= i > n - 7 ? 1 : 1009) {
		int fd = fds[i];

		if (i % 7 == 0)
			continue;
		switch (i % 3) {
		case 0:
			assert_int_equal(pread(fd, &c, 1, 3), 1);
			assert_int_equal(c, '3');
			ASSERT_ERR(pwrite(fd, "x", 1, 0), ENOTCAPABLE);
			break;
		case 1:
			ASSERT_ERR(pread(fd, &c, 1, 0), ENOTCAPABLE);
			assert_int_equal(pwrite(fd, "0", 1, 0), 1);
			break;
		default:
			ASSERT_ERR(pread(fd, &c, 1, 0), ENOTCAPABLE);
			ASSERT_ERR(pwrite(fd, "x", 1, 0), ENOTCAPABLE);
			break;
		}
	}
	assert_int_equal(close_range((unsigned int)fds[0], ~0U, 0), 0);
	for (int i = 0; i < n; i += 499)
		ASSERT_ERR(cap_rights_get(fds[i], &got), EBADF);
	for (int i = 0; i < 3; i++)
		close(base[i]);
	free(fds);
	assert_int_equal(setrlimit(RLIMIT_NOFILE, &old), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(limit_narrows_only),
		cmocka_unit_test(limit_errors),
		cmocka_unit_test(dups_carry_rights),
		cmocka_unit_test(dup_shares_offset_not_rights),
		cmocka_unit_test(dup2_onto_limited_replaces),
		cmocka_unit_test(close_forgets),
		cmocka_unit_test(ioctls_limit_and_get),
		cmocka_unit_test(fcntls_limit_and_get),
		cmocka_unit_test(each_op_without_right),
		cmocka_unit_test(each_op_with_right),
		cmocka_unit_test(enotcapable_first),
		cmocka_unit_test(kernel_keeps_read_only),
		cmocka_unit_test(kernel_keeps_write_only),
		cmocka_unit_test(kernel_o_path_for_lookup_only),
		cmocka_unit_test(shared_description_not_reopened),
		cmocka_unit_test(openat_inherits_dir_rights),
		cmocka_unit_test(new_descriptors_unlimited),
		cmocka_unit_test(many_descriptors),
	};

	return (cmocka_run_group_tests(tests, group_setup, group_teardown));
}
