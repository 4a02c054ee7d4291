/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bpftest.c - the capbpf programs, tested with raw system calls
 *
 * usage: bpftest            every right, propagation, attacks (TAP-like)
 *        bpftest bench      read(2) and openat(2) cost, capbpf loaded or not
 *
 * Runs as root inside the test virtual machine (tests/vm/run.sh), after
 * "capbpf load".  It never links libcap_mode: it narrows with the
 * reserved ioctl itself, and checks every right with syscall(2), before
 * narrowing (allowed) and after (ENOTCAPABLE).
 */
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <linux/bpf.h>
#include <sys/capsicum.h>

#include "capbpf.h"

#ifndef F_OFD_SETLK
#define F_OFD_SETLK	37
#endif
#ifndef AT_EMPTY_PATH
#define AT_EMPTY_PATH	0x1000
#endif

#define TMP	"/tmp/bpftest"

static int passed, failed;
static char self[256];

static void
report(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s - ", ok ? "ok" : "not ok");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	if (ok)
		passed++;
	else
		failed++;
}

/* errno of a raw call, 0 on success. */
#define E(call)	((call) < 0 ? errno : 0)

/* --- the channel ---------------------------------------------------- */

static int
request(int fd, struct capbpf_limit *req)
{
	if (req->version == 0)
		req->version = CAPBPF_VERSION;
	return (E(syscall(SYS_ioctl, fd, CAPBPF_IOC_LIMIT, req)));
}

static int
narrow(int fd, uint64_t r0, uint64_t r1)
{
	struct capbpf_limit req = { .what = CAPBPF_L_RIGHTS,
		.rights = { r0, r1 } };

	return (request(fd, &req));
}

/* All rights but `right` (a CAP_* value, either word). */
static int
narrow_without(int fd, uint64_t right)
{
	uint64_t r0 = CAP_ALL0, r1 = CAP_ALL1;
	uint64_t bits = right & ((1ULL << 57) - 1);

	if (CAPIDXBIT(right) == 1)
		r0 &= ~bits;
	else
		r1 &= ~bits;
	return (narrow(fd, r0, r1));
}

static int
narrow_ioctls(int fd, int32_t n, const uint32_t *cmds)
{
	struct capbpf_limit req = { .what = CAPBPF_L_IOCTLS, .nioctls = n };

	for (int32_t i = 0; cmds != NULL && i < n && i < CAPBPF_MAX_IOCTLS; i++)
		req.ioctls[i] = cmds[i];
	return (request(fd, &req));
}

static int
narrow_fcntls(int fd, uint32_t fcntls)
{
	struct capbpf_limit req = { .what = CAPBPF_L_FCNTLS,
		.fcntls = fcntls };

	return (request(fd, &req));
}

/* --- descriptors to test on ----------------------------------------- */

static int sockno;

static int
new_file(void)
{
	int fd = open(TMP "/file", O_RDWR | O_CREAT, 0644);

	if (fd >= 0 && pwrite(fd, "0123456789abcdef", 16, 0) != 16) {
		close(fd);
		return (-1);
	}
	return (fd);
}

static int
new_dir(void)
{
	return (open(TMP "/dir", O_RDONLY | O_DIRECTORY));
}

static int
new_sock(void)
{
	return (socket(AF_UNIX, SOCK_STREAM, 0));
}

static void sock_path(struct sockaddr_un *, int);

/* A socket bound to a fresh name, not listening. */
static int
new_bound(void)
{
	struct sockaddr_un sun;
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	sock_path(&sun, ++sockno);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sun, sizeof(sun)) != 0)
		return (-1);
	return (fd);
}

static void
sock_path(struct sockaddr_un *sun, int n)
{
	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	snprintf(sun->sun_path, sizeof(sun->sun_path), TMP "/s%d", n);
}

/* A listening socket, non-blocking, with one pending connection. */
static int
new_listener(void)
{
	struct sockaddr_un sun;
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0), c;

	sock_path(&sun, ++sockno);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sun, sizeof(sun)) != 0 ||
	    listen(fd, 8) != 0)
		return (-1);
	c = socket(AF_UNIX, SOCK_STREAM, 0);
	if (c < 0 || connect(c, (struct sockaddr *)&sun, sizeof(sun)) != 0)
		return (-1);
	return (fd);	/* c stays open: the connection stays pending */
}

/* One end of a connected pair, with a byte waiting to be read. */
static int
new_connected(void)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0)
		return (-1);
	if (write(sv[1], "x", 1) != 1)
		return (-1);
	return (sv[0]);	/* sv[1] stays open */
}

/* --- the operations, each needing one right ------------------------- */

static char buf[4096];

static int op_read(int fd) { return (E(syscall(SYS_pread64, fd, buf, 4, 0))); }
static int op_write(int fd) { return (E(syscall(SYS_pwrite64, fd, "w", 1, 20))); }
static int op_readv(int fd) { return (E(syscall(SYS_read, fd, buf, 4))); }
static int op_getdents(int fd) { return (E(syscall(SYS_getdents64, fd, buf, sizeof(buf)))); }

static int
op_mmap(int fd, int prot, int flags)
{
	void *p = (void *)syscall(SYS_mmap, NULL, 4096, prot, flags, fd, 0);

	if (p == MAP_FAILED)
		return (errno);
	munmap(p, 4096);
	return (0);
}

static int op_mmap_r(int fd) { return (op_mmap(fd, PROT_READ, MAP_PRIVATE)); }
static int op_mmap_ws(int fd) { return (op_mmap(fd, PROT_READ | PROT_WRITE, MAP_SHARED)); }
static int op_mmap_x(int fd) { return (op_mmap(fd, PROT_READ | PROT_EXEC, MAP_PRIVATE)); }

static int
op_mprotect_x(int fd)
{
	void *p = (void *)syscall(SYS_mmap, NULL, 4096, PROT_READ, MAP_PRIVATE,
	    fd, 0);
	int e;

	if (p == MAP_FAILED)
		return (errno);
	e = E(syscall(SYS_mprotect, p, 4096, PROT_READ | PROT_EXEC));
	munmap(p, 4096);
	return (e);
}

static int op_ioctl(int fd) { int n; return (E(syscall(SYS_ioctl, fd, FIONREAD, &n))); }
static int op_getfl(int fd) { return (E(syscall(SYS_fcntl, fd, F_GETFL))); }
static int op_flock(int fd) { int e = E(syscall(SYS_flock, fd, LOCK_SH)); flock(fd, LOCK_UN); return (e); }

static int
op_setlk(int fd)
{
	struct flock fl = { .l_type = F_RDLCK, .l_whence = SEEK_SET };

	return (E(syscall(SYS_fcntl, fd, F_SETLK, &fl)));
}

static int
op_ofdlk(int fd)
{
	struct flock fl = { .l_type = F_RDLCK, .l_whence = SEEK_SET };

	return (E(syscall(SYS_fcntl, fd, F_OFD_SETLK, &fl)));
}

static int op_ftruncate(int fd) { return (E(syscall(SYS_ftruncate, fd, 16))); }
static int op_fchmod(int fd) { return (E(syscall(SYS_fchmod, fd, 0644))); }
static int op_fchown(int fd) { return (E(syscall(SYS_fchown, fd, 0, 0))); }
static int op_fchownat(int fd) { return (E(syscall(SYS_fchownat, fd, "", 0, 0, AT_EMPTY_PATH))); }
static int op_fstat(int fd) { struct stat st; return (E(syscall(SYS_fstat, fd, &st))); }
static int op_fstatat(int fd) { struct stat st; return (E(syscall(SYS_newfstatat, fd, "", &st, AT_EMPTY_PATH))); }
static int op_statx(int fd) { return (E(syscall(SYS_statx, fd, "", AT_EMPTY_PATH, 0x7ff, buf))); }

static int
op_bind(int fd)
{
	struct sockaddr_un sun;

	sock_path(&sun, ++sockno);
	return (E(syscall(SYS_bind, fd, &sun, sizeof(sun))));
}

static int
op_connect(int fd)
{
	struct sockaddr_un sun;
	int l = new_listener();

	sock_path(&sun, sockno);
	if (l < 0)
		return (-1);
	return (E(syscall(SYS_connect, fd, &sun, sizeof(sun))));
}

static int op_listen(int fd) { return (E(syscall(SYS_listen, fd, 4))); }

static int
op_accept(int fd)
{
	int c = (int)syscall(SYS_accept4, fd, NULL, NULL, SOCK_CLOEXEC);

	if (c < 0)
		return (errno);
	close(c);
	return (0);
}

static int
op_getsockname(int fd)
{
	struct sockaddr_un sun;
	socklen_t l = sizeof(sun);

	return (E(syscall(SYS_getsockname, fd, &sun, &l)));
}

static int
op_getpeername(int fd)
{
	struct sockaddr_un sun;
	socklen_t l = sizeof(sun);

	return (E(syscall(SYS_getpeername, fd, &sun, &l)));
}

static int
op_getsockopt(int fd)
{
	int v;
	socklen_t l = sizeof(v);

	return (E(syscall(SYS_getsockopt, fd, SOL_SOCKET, SO_TYPE, &v, &l)));
}

static int
op_setsockopt(int fd)
{
	int v = 65536;

	return (E(syscall(SYS_setsockopt, fd, SOL_SOCKET, SO_RCVBUF, &v,
	    sizeof(v))));
}

static int op_shutdown(int fd) { return (E(syscall(SYS_shutdown, fd, SHUT_WR))); }
static int op_send(int fd) { return (E(syscall(SYS_sendto, fd, "y", 1, MSG_DONTWAIT, NULL, 0))); }
static int op_recv(int fd) { return (E(syscall(SYS_recvfrom, fd, buf, 1, MSG_DONTWAIT, NULL, NULL))); }
static int op_sockread(int fd) { return (E(syscall(SYS_read, fd, buf, 1))); }

static int
op_open_at(int fd, const char *name, int flags)
{
	int r = (int)syscall(SYS_openat, fd, name, flags | O_CLOEXEC, 0644);

	if (r < 0)
		return (errno);
	close(r);
	return (0);
}

static int op_lookup(int fd) { return (op_open_at(fd, "f", O_RDONLY)); }

/* Open beneath fd, then use: the new description has fd's rights. */
static int
op_open_then(int fd, int flags, int rd)
{
	int r = (int)syscall(SYS_openat, fd, "f", flags | O_CLOEXEC), e;

	if (r < 0)
		return (-1);
	e = rd ? op_read(r) : op_write(r);
	close(r);
	return (e);
}

static int op_open_read(int fd) { return (op_open_then(fd, O_RDONLY, 1)); }
static int op_open_write(int fd) { return (op_open_then(fd, O_WRONLY, 0)); }

/* The *at calls, each on a fresh name. */
static int seq;

static char *
fresh(const char *prefix, char *name, size_t len)
{
	snprintf(name, len, "%s%d", prefix, ++seq);
	return (name);
}

static void
make_at(const char *dir, const char *name, int isdir)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if (isdir)
		mkdir(path, 0755);
	else
		close(open(path, O_CREAT | O_WRONLY, 0644));
}

static int op_mkdirat(int fd) { char n[32]; return (E(syscall(SYS_mkdirat, fd, fresh("m", n, sizeof(n)), 0755))); }
static int op_mkfifoat(int fd) { char n[32]; return (E(syscall(SYS_mknodat, fd, fresh("p", n, sizeof(n)), S_IFIFO | 0644, 0))); }
static int op_mknodat(int fd) { char n[32]; return (E(syscall(SYS_mknodat, fd, fresh("k", n, sizeof(n)), S_IFREG | 0644, 0))); }
static int op_symlinkat(int fd) { char n[32]; return (E(syscall(SYS_symlinkat, "f", fd, fresh("s", n, sizeof(n))))); }
static int op_fstatat_rel(int fd) { struct stat st; return (E(syscall(SYS_newfstatat, fd, "f", &st, 0))); }

static int
op_unlinkat(int fd)
{
	char n[32];

	make_at(TMP "/dir", fresh("u", n, sizeof(n)), 0);
	return (E(syscall(SYS_unlinkat, fd, n, 0)));
}

static int
op_rmdirat(int fd)
{
	char n[32];

	make_at(TMP "/dir", fresh("r", n, sizeof(n)), 1);
	return (E(syscall(SYS_unlinkat, fd, n, AT_REMOVEDIR)));
}

static int
op_link_source(int fd)
{
	char n[32], to[64];

	snprintf(to, sizeof(to), TMP "/%s", fresh("l", n, sizeof(n)));
	return (E(syscall(SYS_linkat, fd, "f", AT_FDCWD, to, 0)));
}

static int
op_link_target(int fd)
{
	char n[32];

	return (E(syscall(SYS_linkat, AT_FDCWD, TMP "/dir/f", fd,
	    fresh("l", n, sizeof(n)), 0)));
}

static int
op_rename_source(int fd)
{
	char n[32], to[64];

	make_at(TMP "/dir", fresh("n", n, sizeof(n)), 0);
	snprintf(to, sizeof(to), TMP "/%s", n);
	return (E(syscall(SYS_renameat, fd, n, AT_FDCWD, to)));
}

static int
op_rename_target(int fd)
{
	char n[32], from[64];

	make_at(TMP, fresh("n", n, sizeof(n)), 0);
	snprintf(from, sizeof(from), TMP "/%s", n);
	return (E(syscall(SYS_renameat, AT_FDCWD, from, fd, n)));
}
static int op_open_creat(int fd) { return (op_open_at(fd, "new", O_RDONLY | O_CREAT)); }
static int op_open_trunc(int fd) { return (op_open_at(fd, "f", O_RDWR | O_TRUNC)); }

static int
new_exe(void)
{
	return (open(self, O_RDONLY | O_CLOEXEC));
}

/* fexecve: execveat(fd, "", AT_EMPTY_PATH) in a child; its errno or 0. */
static int
op_fexecve(int fd)
{
	char *argv[] = { "bpftest", "child-exit", NULL }, *envp[] = { NULL };
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		syscall(SYS_execveat, fd, "", argv, envp, AT_EMPTY_PATH);
		_exit(errno);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return (-1);
	return (WEXITSTATUS(st));
}

struct rcase {
	const char	*name;
	uint64_t	right;
	int		(*make)(void);
	int		(*op)(int);
};

static const struct rcase cases[] = {
	{ "read(2) needs CAP_READ", CAP_READ, new_file, op_read },
	{ "read(2) at the offset needs CAP_READ", CAP_READ, new_file, op_readv },
	{ "write(2) needs CAP_WRITE", CAP_WRITE, new_file, op_write },
	{ "getdents64(2) needs CAP_READ", CAP_READ, new_dir, op_getdents },
	{ "mmap(PROT_READ) needs CAP_MMAP", CAP_MMAP, new_file, op_mmap_r },
	{ "mmap(PROT_READ) needs CAP_READ", CAP_READ, new_file, op_mmap_r },
	{ "mmap(PROT_READ) needs CAP_SEEK", CAP_SEEK, new_file, op_mmap_r },
	{ "mmap(MAP_SHARED, PROT_WRITE) needs CAP_WRITE", CAP_WRITE, new_file, op_mmap_ws },
	{ "mmap(PROT_EXEC) needs CAP_MMAP_X", CAPRIGHT(0, 0x20ULL), new_file, op_mmap_x },
	{ "mprotect(PROT_EXEC) needs CAP_MMAP_X", CAPRIGHT(0, 0x20ULL), new_file, op_mprotect_x },
	{ "ioctl(FIONREAD) needs CAP_IOCTL", CAP_IOCTL, new_file, op_ioctl },
	{ "fcntl(F_GETFL) needs CAP_FCNTL", CAP_FCNTL, new_file, op_getfl },
	{ "flock(2) needs CAP_FLOCK", CAP_FLOCK, new_file, op_flock },
	{ "fcntl(F_SETLK) needs CAP_FLOCK", CAP_FLOCK, new_file, op_setlk },
	{ "fcntl(F_OFD_SETLK) needs CAP_FLOCK", CAP_FLOCK, new_file, op_ofdlk },
	{ "ftruncate(2) needs CAP_FTRUNCATE", CAP_FTRUNCATE, new_file, op_ftruncate },
	{ "fchmod(2) needs CAP_FCHMOD", CAP_FCHMOD, new_file, op_fchmod },
	{ "fchown(2) needs CAP_FCHOWN", CAP_FCHOWN, new_file, op_fchown },
	{ "fchownat(fd, \"\", AT_EMPTY_PATH) needs CAP_FCHOWN", CAP_FCHOWN, new_file, op_fchownat },
	{ "fstat(2) needs CAP_FSTAT", CAP_FSTAT, new_file, op_fstat },
	{ "newfstatat(fd, \"\", AT_EMPTY_PATH) needs CAP_FSTAT", CAP_FSTAT, new_file, op_fstatat },
	{ "statx(fd, \"\", AT_EMPTY_PATH) needs CAP_FSTAT", CAP_FSTAT, new_file, op_statx },
	{ "fstat(2) on a directory needs CAP_FSTAT", CAP_FSTAT, new_dir, op_fstat },
	{ "openat(dir) needs CAP_LOOKUP", CAP_LOOKUP, new_dir, op_lookup },
	{ "a file opened beneath a dir without CAP_READ cannot be read", CAP_READ, new_dir, op_open_read },
	{ "a file opened beneath a dir without CAP_WRITE cannot be written", CAP_WRITE, new_dir, op_open_write },
	{ "mkdirat(2) needs CAP_MKDIRAT", CAPRIGHT(0, 0x800000ULL), new_dir, op_mkdirat },
	{ "mknodat(S_IFIFO) needs CAP_MKFIFOAT", CAPRIGHT(0, 0x1000000ULL), new_dir, op_mkfifoat },
	{ "mknodat(S_IFREG) needs CAP_MKNODAT", CAPRIGHT(0, 0x2000000ULL), new_dir, op_mknodat },
	{ "unlinkat(2) needs CAP_UNLINKAT", CAPRIGHT(0, 0x10000000ULL), new_dir, op_unlinkat },
	{ "unlinkat(AT_REMOVEDIR) needs CAP_UNLINKAT", CAPRIGHT(0, 0x10000000ULL), new_dir, op_rmdirat },
	{ "symlinkat(2) needs CAP_SYMLINKAT", CAPRIGHT(0, 0x8000000ULL), new_dir, op_symlinkat },
	{ "linkat(2) from a dir needs CAP_LINKAT_SOURCE", CAPRIGHT(0, 0x20000000000ULL), new_dir, op_link_source },
	{ "linkat(2) into a dir needs CAP_LINKAT_TARGET", CAPRIGHT(0, 0x400000ULL), new_dir, op_link_target },
	{ "renameat(2) from a dir needs CAP_RENAMEAT_SOURCE", CAPRIGHT(0, 0x4000000ULL), new_dir, op_rename_source },
	{ "renameat(2) into a dir needs CAP_RENAMEAT_TARGET", CAPRIGHT(0, 0x40000000000ULL), new_dir, op_rename_target },
	{ "fstatat(dir, \"f\") needs CAP_FSTAT (CAP_FSTATAT)", CAP_FSTAT, new_dir, op_fstatat_rel },
	{ "fstatat(dir, \"f\") needs CAP_LOOKUP (CAP_FSTATAT)", CAP_LOOKUP, new_dir, op_fstatat_rel },
	{ "mkdirat(2) needs CAP_LOOKUP", CAP_LOOKUP, new_dir, op_mkdirat },
	{ "openat(dir, O_CREAT) needs CAP_CREATE", CAP_CREATE, new_dir, op_open_creat },
	{ "openat(dir, O_TRUNC) needs CAP_FTRUNCATE", CAP_FTRUNCATE, new_dir, op_open_trunc },
	{ "execveat(fd, \"\", AT_EMPTY_PATH) needs CAP_FEXECVE", CAP_FEXECVE, new_exe, op_fexecve },
	{ "bind(2) needs CAP_BIND", CAP_BIND, new_sock, op_bind },
	{ "connect(2) needs CAP_CONNECT", CAP_CONNECT, new_sock, op_connect },
	{ "listen(2) needs CAP_LISTEN", CAP_LISTEN, new_bound, op_listen },
	{ "accept4(2) needs CAP_ACCEPT", CAP_ACCEPT, new_listener, op_accept },
	{ "getsockname(2) needs CAP_GETSOCKNAME", CAP_GETSOCKNAME, new_connected, op_getsockname },
	{ "getpeername(2) needs CAP_GETPEERNAME", CAP_GETPEERNAME, new_connected, op_getpeername },
	{ "getsockopt(2) needs CAP_GETSOCKOPT", CAP_GETSOCKOPT, new_connected, op_getsockopt },
	{ "setsockopt(2) needs CAP_SETSOCKOPT", CAP_SETSOCKOPT, new_connected, op_setsockopt },
	{ "shutdown(2) needs CAP_SHUTDOWN", CAP_SHUTDOWN, new_connected, op_shutdown },
	{ "sendto(2) needs CAP_SEND", CAP_SEND, new_connected, op_send },
	{ "recvfrom(2) needs CAP_RECV", CAP_RECV, new_connected, op_recv },
	{ "read(2) on a socket needs CAP_RECV", CAP_RECV, new_connected, op_sockread },
};

static void
test_rights(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct rcase *c = &cases[i];
		int a = c->make(), b = c->make(), before, n, after;

		if (a < 0 || b < 0) {
			report(0, "%s: set-up failed: %s", c->name,
			    strerror(errno));
			continue;
		}
		before = c->op(a);
		n = narrow_without(b, c->right);
		after = c->op(b);
		report(before == 0 && n == CAPBPF_ACK && after == ENOTCAPABLE,
		    "%s (errno before: %d, narrowing: %d, after: %d)", c->name,
		    before, n, after);
		close(a);
		close(b);
	}
}

/* The rights a narrowed description keeps still work. */
static void
test_kept(void)
{
	int fd = new_file(), n;

	n = narrow(fd, CAP_READ | CAP_FSTAT,
	    CAP_ALL1 & ~(CAP_IOCTL & ~CAPRIGHT(1, 0)));
	report(n == CAPBPF_ACK && op_read(fd) == 0 && op_fstat(fd) == 0 &&
	    op_write(fd) == ENOTCAPABLE && op_fchmod(fd) == ENOTCAPABLE &&
	    op_ioctl(fd) == ENOTCAPABLE,
	    "CAP_READ|CAP_FSTAT: read and fstat work, write, fchmod, ioctl refused");
	/* The private writable mapping only needs CAP_MMAP_R. */
	close(fd);
	fd = new_file();
	n = narrow(fd, CAP_MMAP_R, CAP_ALL1);
	report(n == CAPBPF_ACK &&
	    op_mmap(fd, PROT_READ | PROT_WRITE, MAP_PRIVATE) == 0 &&
	    op_mmap_ws(fd) == ENOTCAPABLE,
	    "CAP_MMAP_R: private writable mapping allowed, shared refused");
	close(fd);
	/* The channel itself is not an ioctl right. */
	fd = new_file();
	n = narrow_without(fd, CAP_IOCTL);
	report(n == CAPBPF_ACK && narrow_without(fd, CAP_IOCTL) == CAPBPF_ACK &&
	    syscall(SYS_ioctl, fd, CAPBPF_IOC_PROBE, 0) == -1 &&
	    errno == CAPBPF_ACK && fcntl(fd, F_SETFD, FD_CLOEXEC) == 0 &&
	    ioctl(fd, FIOCLEX) == 0,
	    "without CAP_IOCTL: the channel and FIOCLEX still work");
	close(fd);
}

static void
test_ioctl_list(void)
{
	uint32_t one[1] = { FIONBIO }, two[2] = { FIONBIO, FIONREAD };
	int fd = new_file(), n, on = 0;

	n = narrow_ioctls(fd, 1, one);
	report(n == CAPBPF_ACK && op_ioctl(fd) == ENOTCAPABLE &&
	    E(syscall(SYS_ioctl, fd, FIONBIO, &on)) == 0,
	    "cap_ioctls {FIONBIO}: FIONBIO works, FIONREAD refused");
	report(narrow_ioctls(fd, 2, two) == ENOTCAPABLE &&
	    op_ioctl(fd) == ENOTCAPABLE,
	    "widening the ioctl list fails, FIONREAD still refused");
	report(narrow_ioctls(fd, -1, NULL) == ENOTCAPABLE &&
	    op_ioctl(fd) == ENOTCAPABLE,
	    "asking for every ioctl again fails");
	report(narrow_ioctls(fd, 0, NULL) == CAPBPF_ACK &&
	    E(syscall(SYS_ioctl, fd, FIONBIO, &on)) == ENOTCAPABLE,
	    "an empty ioctl list refuses every command");
	report(narrow_ioctls(fd, CAPBPF_MAX_IOCTLS + 1, NULL) == EINVAL,
	    "more than %d commands: EINVAL", CAPBPF_MAX_IOCTLS);
	close(fd);
}

static void
test_fcntl_list(void)
{
	int fd = new_file();

	report(narrow_fcntls(fd, CAP_FCNTL_GETFL) == CAPBPF_ACK &&
	    op_getfl(fd) == 0 &&
	    E(syscall(SYS_fcntl, fd, F_SETFL, O_NONBLOCK)) == ENOTCAPABLE &&
	    E(syscall(SYS_fcntl, fd, F_GETOWN)) == ENOTCAPABLE &&
	    E(syscall(SYS_fcntl, fd, F_GETFD)) == 0,
	    "cap_fcntls GETFL: F_GETFL, F_GETFD work, F_SETFL, F_GETOWN refused");
	report(narrow_fcntls(fd, CAP_FCNTL_ALL) == ENOTCAPABLE &&
	    E(syscall(SYS_fcntl, fd, F_SETFL, O_NONBLOCK)) == ENOTCAPABLE,
	    "widening the fcntl rights fails");
	close(fd);
}

/* The new descriptor of openat(dir) and accept(listener) inherits. */
static void
test_inherit(void)
{
	int d = new_dir(), f, l, c;

	report(narrow_without(d, CAP_FCHMOD) == CAPBPF_ACK &&
	    (f = (int)syscall(SYS_openat, d, "f", O_RDWR)) >= 0 &&
	    op_write(f) == 0 && op_fchmod(f) == ENOTCAPABLE,
	    "openat beneath a narrowed directory inherits its rights");
	l = new_listener();
	report(narrow_without(l, CAP_GETSOCKOPT) == CAPBPF_ACK &&
	    (c = (int)syscall(SYS_accept4, l, NULL, NULL, 0)) >= 0 &&
	    op_getsockopt(c) == ENOTCAPABLE && op_getsockname(c) == 0,
	    "accept4 on a narrowed socket: the new socket inherits its rights");
}

/* --- propagation ---------------------------------------------------- */

static int
child_status(pid_t pid)
{
	int st;

	if (waitpid(pid, &st, 0) != pid)
		return (-1);
	return (WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
}

static void
test_propagation(void)
{
	int fd = new_file(), d, sv[2];
	char arg[16];
	pid_t pid;

	if (narrow_without(fd, CAP_READ) != CAPBPF_ACK) {
		report(0, "propagation: narrowing failed");
		return;
	}
	d = dup(fd);
	report(op_read(d) == ENOTCAPABLE && op_write(d) == 0,
	    "dup(2) keeps the rights");
	close(d);
	d = fcntl(fd, F_DUPFD_CLOEXEC, 100);
	report(op_read(d) == ENOTCAPABLE, "fcntl(F_DUPFD) keeps the rights");
	close(d);
	pid = fork();
	if (pid == 0)
		_exit(op_read(fd) == ENOTCAPABLE && op_write(fd) == 0 ? 0 : 1);
	report(child_status(pid) == 0, "a forked child holds the rights");
	snprintf(arg, sizeof(arg), "%d", fd);
	pid = fork();
	if (pid == 0) {
		execl(self, "bpftest", "child-read", arg, (char *)NULL);
		_exit(127);
	}
	report(child_status(pid) == 0, "an exec'd program holds the rights");
	/* SCM_RIGHTS to an exec'd program that never linked libcap_mode. */
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) {
		report(0, "socketpair: %s", strerror(errno));
		return;
	}
	snprintf(arg, sizeof(arg), "%d", sv[1]);
	pid = fork();
	if (pid == 0) {
		close(sv[0]);
		execl(self, "bpftest", "child-recv", arg, (char *)NULL);
		_exit(127);
	}
	close(sv[1]);
	{
		char cbuf[CMSG_SPACE(sizeof(int))] = { 0 };
		struct iovec iov = { .iov_base = "f", .iov_len = 1 };
		struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
			.msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
		struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);

		cm->cmsg_level = SOL_SOCKET;
		cm->cmsg_type = SCM_RIGHTS;
		cm->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(cm), &fd, sizeof(int));
		if (sendmsg(sv[0], &mh, 0) != 1)
			report(0, "sendmsg: %s", strerror(errno));
	}
	close(sv[0]);
	report(child_status(pid) == 0,
	    "a descriptor received over SCM_RIGHTS holds the rights");
	close(fd);
}

static int
child_read(const char *arg)
{
	int fd = atoi(arg);

	return (op_read(fd) == ENOTCAPABLE && op_write(fd) == 0 ? 0 : 1);
}

static int
child_recv(const char *arg)
{
	int s = atoi(arg), fd = -1;
	char cbuf[CMSG_SPACE(sizeof(int))], c;
	struct iovec iov = { .iov_base = &c, .iov_len = 1 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *cm;

	if (recvmsg(s, &mh, 0) != 1 || (cm = CMSG_FIRSTHDR(&mh)) == NULL)
		return (2);
	memcpy(&fd, CMSG_DATA(cm), sizeof(int));
	/* Widening the received descriptor fails too. */
	if (narrow(fd, CAP_ALL0, CAP_ALL1) != ENOTCAPABLE)
		return (3);
	return (op_read(fd) == ENOTCAPABLE && op_write(fd) == 0 ? 0 : 1);
}

/* --- attacks on the channel ----------------------------------------- */

static void *
thread_wait(void *arg)
{
	char c;

	(void)!read(*(int *)arg, &c, 1);
	return (NULL);
}

static void
test_attacks(void)
{
	struct capbpf_limit req;
	int fd = new_file(), d, n;
	pid_t pid;

	n = narrow_without(fd, CAP_WRITE);
	report(n == CAPBPF_ACK && narrow(fd, CAP_ALL0, CAP_ALL1) == ENOTCAPABLE &&
	    op_write(fd) == ENOTCAPABLE,
	    "asking for all rights again fails; write stays refused");
	report(narrow(fd, CAP_ALL0 & ~(CAP_WRITE & ~CAPRIGHT(0, 0)) &
	    ~(CAP_READ & ~CAPRIGHT(0, 0)), CAP_ALL1) == CAPBPF_ACK &&
	    op_read(fd) == ENOTCAPABLE && op_write(fd) == ENOTCAPABLE,
	    "narrowing again within the current rights works");
	report(narrow(fd, CAP_ALL0 | CAP_UNUSED0_44, CAP_ALL1) == EINVAL,
	    "an unknown right bit: EINVAL");
	report(narrow(fd, CAP_READ & ~CAPRIGHT(0, 0), CAP_ALL1) == EINVAL,
	    "a rights word without its index bit: EINVAL");
	memset(&req, 0, sizeof(req));
	req.version = 99;
	req.what = CAPBPF_L_RIGHTS;
	report(request(fd, &req) == EINVAL, "an unknown request version: EINVAL");
	report(E(syscall(SYS_ioctl, fd, CAPBPF_IOC_LIMIT, 1)) == EFAULT,
	    "a request at a bad address: EFAULT");
	close(fd);

	/* Another descriptor of the description: neither is narrowed. */
	fd = new_file();
	d = dup(fd);
	report(narrow_without(fd, CAP_READ) == EBUSY && op_read(fd) == 0 &&
	    op_read(d) == 0,
	    "a description two descriptors share cannot be narrowed (EBUSY)");
	close(d);
	report(narrow_without(fd, CAP_READ) == CAPBPF_ACK,
	    "once the other descriptor is closed it can");
	close(fd);

	/* A description shared with another process: in either direction. */
	fd = new_file();
	pid = fork();
	if (pid == 0)
		_exit(narrow_without(fd, CAP_READ) == EBUSY ? 0 : 1);
	report(child_status(pid) == 0 && op_read(fd) == 0,
	    "a child cannot narrow a description its parent holds");
	{
		int sv[2];
		char c;

		if (pipe(sv) != 0)
			return;
		pid = fork();
		if (pid == 0) {
			close(sv[1]);
			(void)!read(sv[0], &c, 1);
			_exit(op_read(fd) == 0 ? 0 : 1);
		}
		close(sv[0]);
		report(narrow_without(fd, CAP_READ) == EBUSY,
		    "a parent cannot narrow a description its child holds");
		(void)!write(sv[1], "g", 1);
		close(sv[1]);
		report(child_status(pid) == 0, "the child's rights are intact");
	}
	close(fd);

	/* An unprivileged process narrows its own, and nothing more. */
	pid = fork();
	if (pid == 0) {
		int f2;
		union bpf_attr attr;

		if (setresgid(65534, 65534, 65534) != 0 ||
		    setresuid(65534, 65534, 65534) != 0)
			_exit(10);
		f2 = open("/dev/null", O_RDWR);
		if (narrow_without(f2, CAP_WRITE) != CAPBPF_ACK)
			_exit(11);
		if (narrow(f2, CAP_ALL0, CAP_ALL1) != ENOTCAPABLE)
			_exit(12);
		if (E(syscall(SYS_write, f2, "x", 1)) != ENOTCAPABLE)
			_exit(13);
		/* The map is out of reach: no bpf(2) for this user. */
		memset(&attr, 0, sizeof(attr));
		attr.pathname = (uint64_t)(uintptr_t)CAPBPF_PIN_MAP;
		if (syscall(SYS_bpf, BPF_OBJ_GET, &attr, sizeof(attr)) >= 0)
			_exit(14);
		_exit(0);
	}
	n = child_status(pid);
	report(n == 0, "an unprivileged process narrows its own descriptor, "
	    "cannot widen it, cannot open the map (status %d)", n);

	/* Threads share the table: the ioctl's own reference is allowed for. */
	{
		pthread_t th;
		int p[2];

		if (pipe(p) == 0 && pthread_create(&th, NULL, thread_wait,
		    &p[0]) == 0) {
			fd = new_file();
			report(narrow_without(fd, CAP_READ) == CAPBPF_ACK &&
			    op_read(fd) == ENOTCAPABLE,
			    "a threaded process narrows its own descriptor");
			(void)!write(p[1], "q", 1);
			pthread_join(th, NULL);
			close(fd);
		} else
			report(0, "pthread_create: %s", strerror(errno));
	}

	/* A freed description's entry is gone with it. */
	fd = new_file();
	n = narrow_without(fd, CAP_READ);
	close(fd);
	fd = new_file();
	report(n == CAPBPF_ACK && op_read(fd) == 0,
	    "a new description of the same file has every right");
	close(fd);
}

/* --- overhead ------------------------------------------------------- */

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec * 1e9 + (double)ts.tv_nsec);
}

/* ns per pread(2) of 64 bytes on fd. */
static double
time_read(int fd)
{
	enum { NREAD = 50000 };
	double t = now();

	for (int i = 0; i < NREAD; i++)
		(void)!pread(fd, buf, 64, 0);
	return ((now() - t) / NREAD);
}

/* ns per openat(dir, "a/b/f") + close. */
static double
time_open(int dir)
{
	enum { NOPEN = 10000 };
	double t = now();

	for (int i = 0; i < NOPEN; i++)
		close(openat(dir, "a/b/f", O_RDONLY));
	return ((now() - t) / NOPEN);
}

static int
capbpf_cmd(const char *cmd)
{
	char line[128];

	snprintf(line, sizeof(line), "/bin/capbpf %s >/dev/null", cmd);
	return (system(line));
}

#define MIN(a, b)	((a) < (b) ? (a) : (b))

/*
 * Three states in the same boot: programs not loaded; loaded with no
 * description narrowed (the hooks return at once); loaded with a
 * description of another file narrowed (the hooks consult the filter).
 * And the cost on the narrowed description itself (the map lookup).  The best of nine
 * alternating rounds: TCG timing is noisy.
 */
static int
bench(void)
{
	double rd[3] = { 1e18, 1e18, 1e18 }, op[3] = { 1e18, 1e18, 1e18 };
	double rdn = 1e18;
	int fd, dir, fn;

	mkdir(TMP "/bench", 0755);
	mkdir(TMP "/bench/a", 0755);
	mkdir(TMP "/bench/a/b", 0755);
	close(open(TMP "/bench/a/b/f", O_CREAT | O_WRONLY, 0644));
	fd = new_file();
	dir = open(TMP "/bench", O_RDONLY | O_DIRECTORY);
	for (int round = 0; round < 9; round++) {
		if (capbpf_cmd("unload") != 0)
			return (1);
		rd[0] = MIN(rd[0], time_read(fd));
		op[0] = MIN(op[0], time_open(dir));
		if (capbpf_cmd("load") != 0) {
			printf("bench: capbpf load failed\n");
			return (1);
		}
		rd[1] = MIN(rd[1], time_read(fd));
		op[1] = MIN(op[1], time_open(dir));
		fn = open(TMP "/other", O_RDWR | O_CREAT, 0644);
		if (pwrite(fn, "0123456789abcdef", 16, 0) != 16 ||
		    narrow_without(fn, CAP_WRITE) != CAPBPF_ACK) {
			printf("bench: narrowing failed\n");
			return (1);
		}
		rd[2] = MIN(rd[2], time_read(fd));
		op[2] = MIN(op[2], time_open(dir));
		rdn = MIN(rdn, time_read(fn));
		close(fn);
	}
	printf("bench: pread 64 B: %.0f ns without capbpf; loaded, nothing "
	    "narrowed %.0f ns (ratio %.3f); loaded, another file narrowed "
	    "%.0f ns (ratio %.3f); on a narrowed descriptor %.0f ns (ratio %.3f)\n",
	    rd[0], rd[1], rd[1] / rd[0], rd[2], rd[2] / rd[0], rdn,
	    rdn / rd[0]);
	printf("bench: openat(dir, \"a/b/f\") + close: %.0f ns without capbpf; "
	    "loaded, nothing narrowed %.0f ns (ratio %.3f); loaded, another "
	    "file narrowed %.0f ns (ratio %.3f)\n", op[0], op[1],
	    op[1] / op[0], op[2], op[2] / op[0]);
	return (0);
}

int
main(int argc, char **argv)
{
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	if (n > 0)
		self[n] = '\0';
	if (argc == 2 && strcmp(argv[1], "child-exit") == 0)
		return (0);
	if (argc == 3 && strcmp(argv[1], "child-read") == 0)
		return (child_read(argv[2]));
	if (argc == 3 && strcmp(argv[1], "child-recv") == 0)
		return (child_recv(argv[2]));
	mkdir(TMP, 0755);
	mkdir(TMP "/dir", 0755);
	close(open(TMP "/dir/f", O_CREAT | O_WRONLY, 0644));
	if (argc == 2 && strcmp(argv[1], "bench") == 0)
		return (bench());
	if (syscall(SYS_ioctl, 0, CAPBPF_IOC_PROBE, 0) != -1 ||
	    errno != CAPBPF_ACK) {
		printf("not ok - the capbpf programs do not answer the probe\n");
		printf("bpftest: 0 passed, 1 failed\n");
		return (1);
	}
	test_rights();
	test_kept();
	test_ioctl_list();
	test_fcntl_list();
	test_inherit();
	test_propagation();
	test_attacks();
	printf("bpftest: %d passed, %d failed\n", passed, failed);
	return (failed != 0);
}
