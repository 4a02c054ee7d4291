/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fdops.c - descriptor operations that check capability rights first
 *
 * These replace libc's functions of the same names in programs linked with
 * libcap_mode.  Each checks the rights of the descriptor's slot, fails with
 * ENOTCAPABLE before any other error (as FreeBSD does), then makes the
 * system call itself.  The check is one load while no descriptor has been
 * limited, and two more loads after.
 *
 * Calls made inside libc (stdio's own reads, for instance) do not pass
 * through here; for them only what the kernel keeps is enforced.
 */
#include <stdarg.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/vfs.h>

#include "internal.h"
#include "sys.h"

/* Referenced from rights_limit.c so static links always take this file. */
CM_HIDDEN const char cm_anchor_fdops = 0;

#define CHECK(fd, right)						\
	do {								\
		int cm_c_ = cm_check((fd), (right));			\
		if (CM_UNLIKELY(cm_c_ != 0))				\
			return (cm_ret(cm_c_));				\
	} while (0)

/* Blocking calls may be interrupted: the caller sees EINTR, as with libc. */
#define SYS(...)	cm_ret(cm_sc6(__VA_ARGS__))

CM_EXPORT ssize_t
read(int fd, void *buf, size_t n)
{
	CHECK(fd, CAP_READ);
	return (SYS(SYS_read, fd, (long)buf, (long)n, 0, 0, 0));
}

ssize_t	__read_chk(int, void *, size_t, size_t);

CM_EXPORT ssize_t
__read_chk(int fd, void *buf, size_t n, size_t buflen)
{
	if (n > buflen)
		__builtin_trap();
	return (read(fd, buf, n));
}

CM_EXPORT ssize_t
write(int fd, const void *buf, size_t n)
{
	CHECK(fd, CAP_WRITE);
	return (SYS(SYS_write, fd, (long)buf, (long)n, 0, 0, 0));
}

CM_EXPORT ssize_t
readv(int fd, const struct iovec *iov, int cnt)
{
	CHECK(fd, CAP_READ);
	return (SYS(SYS_readv, fd, (long)iov, cnt, 0, 0, 0));
}

CM_EXPORT ssize_t
writev(int fd, const struct iovec *iov, int cnt)
{
	CHECK(fd, CAP_WRITE);
	return (SYS(SYS_writev, fd, (long)iov, cnt, 0, 0, 0));
}

CM_EXPORT ssize_t
pread(int fd, void *buf, size_t n, off_t off)
{
	CHECK(fd, CAP_PREAD);
	return (SYS(SYS_pread64, fd, (long)buf, (long)n, (long)off, 0, 0));
}

CM_EXPORT ssize_t
pwrite(int fd, const void *buf, size_t n, off_t off)
{
	CHECK(fd, CAP_PWRITE);
	return (SYS(SYS_pwrite64, fd, (long)buf, (long)n, (long)off, 0, 0));
}

CM_EXPORT ssize_t
preadv(int fd, const struct iovec *iov, int cnt, off_t off)
{
	CHECK(fd, CAP_PREAD);
	return (SYS(SYS_preadv, fd, (long)iov, cnt, (long)off, 0, 0));
}

CM_EXPORT ssize_t
pwritev(int fd, const struct iovec *iov, int cnt, off_t off)
{
	CHECK(fd, CAP_PWRITE);
	return (SYS(SYS_pwritev, fd, (long)iov, cnt, (long)off, 0, 0));
}

CM_EXPORT off_t
lseek(int fd, off_t off, int whence)
{
	/* FreeBSD: lseek(fd, 0, SEEK_CUR) needs only CAP_SEEK_TELL. */
	CHECK(fd, off == 0 && whence == SEEK_CUR ? CAP_SEEK_TELL : CAP_SEEK);
	return (SYS(SYS_lseek, fd, (long)off, whence, 0, 0, 0));
}

CM_EXPORT int
fstat(int fd, struct stat *st)
{
	CHECK(fd, CAP_FSTAT);
	return ((int)SYS(SYS_fstat, fd, (long)st, 0, 0, 0, 0));
}

CM_EXPORT int
fstatfs(int fd, struct statfs *st)
{
	CHECK(fd, CAP_FSTATFS);
	return ((int)SYS(SYS_fstatfs, fd, (long)st, 0, 0, 0, 0));
}

CM_EXPORT int
fchmod(int fd, mode_t mode)
{
	CHECK(fd, CAP_FCHMOD);
	return ((int)SYS(SYS_fchmod, fd, mode, 0, 0, 0, 0));
}

CM_EXPORT int
fchown(int fd, uid_t uid, gid_t gid)
{
	CHECK(fd, CAP_FCHOWN);
	return ((int)SYS(SYS_fchown, fd, (long)uid, (long)gid, 0, 0, 0));
}

CM_EXPORT int
ftruncate(int fd, off_t len)
{
	CHECK(fd, CAP_FTRUNCATE);
	return ((int)SYS(SYS_ftruncate, fd, (long)len, 0, 0, 0, 0));
}

CM_EXPORT int
fsync(int fd)
{
	CHECK(fd, CAP_FSYNC);
	return ((int)SYS(SYS_fsync, fd, 0, 0, 0, 0, 0));
}

CM_EXPORT int
fdatasync(int fd)
{
	CHECK(fd, CAP_FSYNC);
	return ((int)SYS(SYS_fdatasync, fd, 0, 0, 0, 0, 0));
}

CM_EXPORT int
flock(int fd, int op)
{
	CHECK(fd, CAP_FLOCK);
	return ((int)SYS(SYS_flock, fd, op, 0, 0, 0, 0));
}

CM_EXPORT int
fchdir(int fd)
{
	CHECK(fd, CAP_FCHDIR);
	return ((int)SYS(SYS_fchdir, fd, 0, 0, 0, 0, 0));
}

CM_EXPORT int
futimens(int fd, const struct timespec ts[2])
{
	CHECK(fd, CAP_FUTIMES);
	return ((int)SYS(SYS_utimensat, fd, 0, (long)ts, 0, 0, 0));
}

static int
mmap_check(int fd, int prot, int flags)
{
	int r;

	if ((flags & MAP_ANONYMOUS) != 0 || fd < 0)
		return (0);
	if ((r = cm_check(fd, CAP_MMAP)) != 0)
		return (r);
	if ((prot & PROT_READ) != 0 && (r = cm_check(fd, CAP_MMAP_R)) != 0)
		return (r);
	if ((prot & PROT_WRITE) != 0 && (flags & MAP_SHARED) != 0 &&
	    (r = cm_check(fd, CAP_MMAP_W)) != 0)
		return (r);
	if ((prot & PROT_EXEC) != 0 && (r = cm_check(fd, CAP_MMAP_X)) != 0)
		return (r);
	return (0);
}

CM_EXPORT void *
mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	long r;

	if ((r = mmap_check(fd, prot, flags)) != 0 ||
	    ((r = cm_sc6(SYS_mmap, (long)addr, (long)len, prot, flags, fd,
	    (long)off)) < 0 && r > -4096)) {
		errno = (int)-r;
		return (MAP_FAILED);
	}
	return ((void *)r);
}

#ifdef __GLIBC__
CM_EXPORT int
ioctl(int fd, unsigned long cmd, ...)
#else
CM_EXPORT int
ioctl(int fd, int cmd, ...)
#endif
{
	va_list ap;
	long arg;
	bool ok;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	if (cm_any_limited) {
		CHECK(fd, CAP_IOCTL);
		cm_table_lock();
		ok = cm_ioctl_allowed_locked(fd, (unsigned long)cmd);
		cm_table_unlock();
		if (!ok)
			return ((int)cm_ret(-ENOTCAPABLE));
	}
	return ((int)SYS(SYS_ioctl, fd, (long)cmd, arg, 0, 0, 0));
}

/* Which CAP_FCNTL_* bit an fcntl command needs, or 0 for none. */
static uint32_t
fcntl_bit(int cmd)
{
	switch (cmd) {
	case F_GETFL:
		return (CAP_FCNTL_GETFL);
	case F_SETFL:
		return (CAP_FCNTL_SETFL);
	case F_GETOWN:
	case F_GETOWN_EX:
		return (CAP_FCNTL_GETOWN);
	case F_SETOWN:
	case F_SETOWN_EX:
		return (CAP_FCNTL_SETOWN);
	default:
		return (0);
	}
}

static int
fcntl_check(int fd, int cmd)
{
	struct cm_slot s;
	uint32_t bit;
	int r;

	switch (cmd) {
	case F_GETFD:
	case F_SETFD:
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		return (0);
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_GETLK:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		return (cm_check(fd, CAP_FLOCK));
	default:
		break;
	}
	if ((r = cm_check(fd, CAP_FCNTL)) != 0)
		return (r);
	bit = fcntl_bit(cmd);
	if (bit != 0 && cm_slot_get(fd, &s) && (s.fcntls & bit) == 0)
		return (-ENOTCAPABLE);
	return (0);
}

CM_EXPORT int
fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;
	int r;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC)
		return (cm_dup_fcntl(fd, cmd, (int)arg));
	if (cm_any_limited && (r = fcntl_check(fd, cmd)) != 0)
		return ((int)cm_ret(r));
	return ((int)SYS(SYS_fcntl, fd, cmd, arg, 0, 0, 0));
}

#ifdef __GLIBC__
CM_EXPORT int
fcntl64(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	return (fcntl(fd, cmd, arg));
}
#endif

/* Sockets. */
CM_EXPORT int
connect(int fd, const struct sockaddr *sa, socklen_t len)
{
	CHECK(fd, CAP_CONNECT);
	return ((int)SYS(SYS_connect, fd, (long)sa, len, 0, 0, 0));
}

CM_EXPORT int
bind(int fd, const struct sockaddr *sa, socklen_t len)
{
	CHECK(fd, CAP_BIND);
	return ((int)SYS(SYS_bind, fd, (long)sa, len, 0, 0, 0));
}

CM_EXPORT int
listen(int fd, int backlog)
{
	CHECK(fd, CAP_LISTEN);
	return ((int)SYS(SYS_listen, fd, backlog, 0, 0, 0, 0));
}

static int
accepted(int lfd, long r)
{
	if (r >= 0 && cm_any_limited) {
		int e = cm_limit_inherit((int)r, lfd);

		if (e < 0) {
			cm_close((int)r);
			return ((int)cm_ret(e));
		}
	}
	return ((int)cm_ret(r));
}

CM_EXPORT int
accept4(int fd, struct sockaddr *sa, socklen_t *len, int flags)
{
	CHECK(fd, CAP_ACCEPT);
	return (accepted(fd, cm_sc4(SYS_accept4, fd, sa, len, flags)));
}

CM_EXPORT int
accept(int fd, struct sockaddr *sa, socklen_t *len)
{
	return (accept4(fd, sa, len, 0));
}

CM_EXPORT int
getsockname(int fd, struct sockaddr *sa, socklen_t *len)
{
	CHECK(fd, CAP_GETSOCKNAME);
	return ((int)SYS(SYS_getsockname, fd, (long)sa, (long)len, 0, 0, 0));
}

CM_EXPORT int
getpeername(int fd, struct sockaddr *sa, socklen_t *len)
{
	CHECK(fd, CAP_GETPEERNAME);
	return ((int)SYS(SYS_getpeername, fd, (long)sa, (long)len, 0, 0, 0));
}

CM_EXPORT int
getsockopt(int fd, int lvl, int name, void *val, socklen_t *len)
{
	CHECK(fd, CAP_GETSOCKOPT);
	return ((int)SYS(SYS_getsockopt, fd, lvl, name, (long)val, (long)len, 0));
}

CM_EXPORT int
setsockopt(int fd, int lvl, int name, const void *val, socklen_t len)
{
	CHECK(fd, CAP_SETSOCKOPT);
	return ((int)SYS(SYS_setsockopt, fd, lvl, name, (long)val, len, 0));
}

CM_EXPORT int
shutdown(int fd, int how)
{
	CHECK(fd, CAP_SHUTDOWN);
	return ((int)SYS(SYS_shutdown, fd, how, 0, 0, 0, 0));
}

CM_EXPORT ssize_t
sendto(int fd, const void *buf, size_t n, int flags,
    const struct sockaddr *sa, socklen_t len)
{
	CHECK(fd, CAP_SEND);
	if (sa != NULL)
		CHECK(fd, CAP_CONNECT);
	return (SYS(SYS_sendto, fd, (long)buf, (long)n, flags, (long)sa, len));
}

CM_EXPORT ssize_t
send(int fd, const void *buf, size_t n, int flags)
{
	return (sendto(fd, buf, n, flags, NULL, 0));
}

CM_EXPORT ssize_t
recvfrom(int fd, void *buf, size_t n, int flags, struct sockaddr *sa,
    socklen_t *len)
{
	CHECK(fd, CAP_RECV);
	return (SYS(SYS_recvfrom, fd, (long)buf, (long)n, flags, (long)sa,
	    (long)len));
}

CM_EXPORT ssize_t
recv(int fd, void *buf, size_t n, int flags)
{
	return (recvfrom(fd, buf, n, flags, NULL, NULL));
}

CM_EXPORT ssize_t
sendmsg(int fd, const struct msghdr *msg, int flags)
{
	CHECK(fd, CAP_SEND);
	if (msg != NULL && msg->msg_name != NULL)
		CHECK(fd, CAP_CONNECT);
	return (SYS(SYS_sendmsg, fd, (long)msg, flags, 0, 0, 0));
}

CM_EXPORT ssize_t
recvmsg(int fd, struct msghdr *msg, int flags)
{
	CHECK(fd, CAP_RECV);
	return (SYS(SYS_recvmsg, fd, (long)msg, flags, 0, 0, 0));
}

CM_EXPORT int
fexecve(int fd, char *const argv[], char *const envp[])
{
	CHECK(fd, CAP_FEXECVE);
	/* The filter lets execveat take only the sealed "" (see seccomp.c). */
	return ((int)SYS(SYS_execveat, fd, (long)cm_sealed_empty(), (long)argv,
	    (long)envp, AT_EMPTY_PATH, 0));
}

/*
 * The 64-bit-offset names, for programs built with _FILE_OFFSET_BITS=64
 * (musl makes them macros of the plain names).
 */
#ifdef __GLIBC__
CM_EXPORT ssize_t
pread64(int fd, void *buf, size_t n, off_t off)
{
	return (pread(fd, buf, n, off));
}

CM_EXPORT ssize_t
pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	return (pwrite(fd, buf, n, off));
}

CM_EXPORT off_t
lseek64(int fd, off_t off, int whence)
{
	return (lseek(fd, off, whence));
}

CM_EXPORT int
fstat64(int fd, struct stat64 *st)
{
	return (fstat(fd, (struct stat *)st));
}

CM_EXPORT int
ftruncate64(int fd, off_t len)
{
	return (ftruncate(fd, len));
}

CM_EXPORT int
fstatfs64(int fd, struct statfs64 *st)
{
	return (fstatfs(fd, (struct statfs *)st));
}

CM_EXPORT void *
mmap64(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	return (mmap(addr, len, prot, flags, fd, off));
}
#endif
