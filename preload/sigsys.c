/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sigsys.c - emulate the path system calls that bypass the interposers
 *
 * The dynamic loader (dlopen), libc's internal calls (fopen's open,
 * mkstemp, getpwnam's files) and inline syscall() reach the kernel with
 * AT_FDCWD, which capability mode refuses.  A second seccomp filter traps
 * them (SECCOMP_RET_TRAP takes precedence over the library's
 * SECCOMP_RET_ERRNO) and this handler performs each through the same path
 * map, beneath the pre-opened descriptor, and stores the result in the
 * interrupted thread's registers.  Nothing is ever granted that the path
 * map and the kernel layers would not grant through the interposers.
 *
 * Only async-signal-safe code here: raw system calls, the read-only map,
 * the library's *at functions (which neither lock nor allocate).  The
 * opens go straight to the resolver and skip the rights table, whose
 * update takes a lock; the kind of pre-open is checked here instead.
 */
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include "../libcap_mode/internal.h"
#include "../libcap_mode/sys.h"
#include "shim.h"

#if !defined(__x86_64__)
#error "the SIGSYS emulation knows the x86-64 system call ABI only"
#endif

#ifndef SYS_faccessat2
#define SYS_faccessat2	439
#endif
#ifndef SYS_fchmodat2
#define SYS_fchmodat2	452
#endif

/* A negative dirfd argument: AT_FDCWD, or garbage the kernel would refuse. */
#ifndef SYS_SECCOMP
#define SYS_SECCOMP	1	/* si_code of a seccomp SIGSYS */
#endif

#define DIRFD_NEG(x)	((int)(x) < 0)

static long
errno_of(long r)
{
	return (r < 0 ? -(long)errno : r);
}

static long
map_at(int dirfd, const char *path, struct pm_loc *loc)
{
	long r;

	if (dirfd != AT_FDCWD && path != NULL && path[0] != '/')
		return (-EBADF);
	/* cap_getmode() probes with "": the answer of capability mode. */
	if (path != NULL && path[0] == '\0')
		return (-ECAPMODE);
	if ((r = pm_map(path, loc)) < 0)
		return (r);
	return (0);
}

static long
emu_open(int dirfd, const char *path, int flags, mode_t mode)
{
	struct pm_loc loc;
	long r;
	bool wr = (flags & O_ACCMODE) != O_RDONLY || (flags & (O_TRUNC |
	    O_CREAT)) != 0;

	if ((r = map_at(dirfd, path, &loc)) < 0)
		return (r);
	if (wr && loc.e->kind != MF_DIR_RW && loc.e->kind != MF_FILE_RW)
		return (-ENOTCAPABLE);
	if (!loc.file)
		return (cm_openat_beneath(loc.dirfd, loc.rel, flags, mode,
		    CM_BENEATH));
	if (loc.e->kind == MF_ANCESTOR)
		return (-ENOTCAPABLE);
	if ((flags & O_DIRECTORY) != 0)
		return (-ENOTDIR);
	r = cm_sc3(SYS_fcntl, loc.dirfd, (flags & O_CLOEXEC) != 0 ?
	    F_DUPFD_CLOEXEC : F_DUPFD, 0);
	if (r >= 0 && (flags & O_APPEND) == 0)
		(void)cm_sc3(SYS_lseek, r, 0, SEEK_SET);
	return (r);
}

/* stat, readlink, access and the like: on (dirfd, rel) or the file. */
static long
emu_object(long nr, int dirfd, const char *path, long a2, long a3, long a4)
{
	struct pm_loc loc;
	int fd, fl;
	long r;

	if ((r = map_at(dirfd, path, &loc)) < 0)
		return (r);
	fd = loc.dirfd;
	fl = loc.file ? AT_EMPTY_PATH : 0;
	switch (nr) {
	case SYS_newfstatat:
		return (errno_of(cmlib_fstatat(fd, loc.rel, (struct stat *)a2,
		    (int)a3 | fl)));
	case SYS_statx:
		return (errno_of(cmlib_statx(fd, loc.rel, (int)a2 | fl,
		    (unsigned int)a3, (struct statx *)a4)));
	case SYS_faccessat2:
		if (loc.file && (a2 & W_OK) != 0 && loc.e->kind != MF_FILE_RW)
			return (-EACCES);
		return (errno_of(cmlib_faccessat(fd, loc.rel, (int)a2,
		    (int)a3 | fl)));
	case SYS_readlinkat:
		if (loc.file)
			return (-EINVAL);
		return (errno_of(cmlib_readlinkat(fd, loc.rel, (char *)a2,
		    (size_t)a3)));
	case SYS_mkdirat:
		return (loc.file ? -EEXIST :
		    errno_of(cmlib_mkdirat(fd, loc.rel, (mode_t)a2)));
	case SYS_unlinkat:
		return (loc.file ? -ENOTCAPABLE :
		    errno_of(cmlib_unlinkat(fd, loc.rel, (int)a2)));
	case SYS_fchmodat:
		return (errno_of(cmlib_fchmodat(fd, loc.rel, (mode_t)a2, fl)));
	case SYS_fchownat:
		return (errno_of(cmlib_fchownat(fd, loc.rel, (uid_t)a2,
		    (gid_t)a3, (int)a4 | fl)));
	default:
		return (-ECAPMODE);
	}
}

static long
emu_rename(int fromfd, const char *from, int tofd, const char *to,
    unsigned int flags, bool link)
{
	struct pm_loc lf, lt;
	long r;
	int ff = fromfd, tf = tofd;
	const char *pf = from, *pt = to;

	if (DIRFD_NEG(fromfd) || (from != NULL && from[0] == '/')) {
		if ((r = map_at(fromfd, from, &lf)) < 0)
			return (r);
		if (lf.file)
			return (-ENOTCAPABLE);
		ff = lf.dirfd;
		pf = lf.rel;
	}
	if (DIRFD_NEG(tofd) || (to != NULL && to[0] == '/')) {
		if ((r = map_at(tofd, to, &lt)) < 0)
			return (r);
		if (lt.file)
			return (-ENOTCAPABLE);
		tf = lt.dirfd;
		pt = lt.rel;
	}
	if (link)
		return (errno_of(cmlib_linkat(ff, pf, tf, pt, (int)flags)));
	return (errno_of(cmlib_renameat2(ff, pf, tf, pt, flags)));
}

static long
emu_getcwd(char *buf, size_t size)
{
	const char *cwd = pm_getcwd();
	size_t l = strlen(cwd);

	if (size <= l)
		return (-ERANGE);
	memcpy(buf, cwd, l + 1);
	return ((long)l + 1);
}

static long
emu_exec(const char *path, char *const argv[], char *const envp[])
{
	int r = shim_execve(path, argv, envp);

	return (r < 0 ? -(long)errno : r);
}

static long
emulate(long nr, const long a[6])
{
	const char *p0 = (const char *)a[0], *p1 = (const char *)a[1];

	switch (nr) {
	case SYS_open:
		return (emu_open(AT_FDCWD, p0, (int)a[1], (mode_t)a[2]));
	case SYS_creat:
		return (emu_open(AT_FDCWD, p0, O_CREAT | O_WRONLY | O_TRUNC,
		    (mode_t)a[1]));
	case SYS_openat:
		return (emu_open((int)a[0], p1, (int)a[2], (mode_t)a[3]));
	case SYS_stat:
		return (emu_object(SYS_newfstatat, AT_FDCWD, p0, a[1], 0, 0));
	case SYS_lstat:
		return (emu_object(SYS_newfstatat, AT_FDCWD, p0, a[1],
		    AT_SYMLINK_NOFOLLOW, 0));
	case SYS_newfstatat:
	case SYS_statx:
	case SYS_readlinkat:
	case SYS_unlinkat:
	case SYS_fchownat:
		return (emu_object(nr, (int)a[0], p1, a[2], a[3], a[4]));
	case SYS_faccessat:
	case SYS_faccessat2:
		return (emu_object(SYS_faccessat2, (int)a[0], p1, a[2],
		    nr == SYS_faccessat ? 0 : a[3], 0));
	case SYS_mkdirat:
	case SYS_fchmodat:
		return (emu_object(nr, (int)a[0], p1, a[2], 0, 0));
	case SYS_access:
		return (emu_object(SYS_faccessat2, AT_FDCWD, p0, a[1], 0, 0));
	case SYS_readlink:
		return (emu_object(SYS_readlinkat, AT_FDCWD, p0, a[1], a[2], 0));
	case SYS_mkdir:
		return (emu_object(SYS_mkdirat, AT_FDCWD, p0, a[1], 0, 0));
	case SYS_unlink:
		return (emu_object(SYS_unlinkat, AT_FDCWD, p0, 0, 0, 0));
	case SYS_rmdir:
		return (emu_object(SYS_unlinkat, AT_FDCWD, p0, AT_REMOVEDIR, 0,
		    0));
	case SYS_chmod:
		return (emu_object(SYS_fchmodat, AT_FDCWD, p0, a[1], 0, 0));
	case SYS_chown:
		return (emu_object(SYS_fchownat, AT_FDCWD, p0, a[1], a[2], 0));
	case SYS_lchown:
		return (emu_object(SYS_fchownat, AT_FDCWD, p0, a[1], a[2],
		    AT_SYMLINK_NOFOLLOW));
	case SYS_rename:
		return (emu_rename(AT_FDCWD, p0, AT_FDCWD, p1, 0, false));
	case SYS_renameat:
		return (emu_rename((int)a[0], p1, (int)a[2],
		    (const char *)a[3], 0, false));
	case SYS_renameat2:
		return (emu_rename((int)a[0], p1, (int)a[2],
		    (const char *)a[3], (unsigned int)a[4], false));
	case SYS_link:
		return (emu_rename(AT_FDCWD, p0, AT_FDCWD, p1, 0, true));
	case SYS_linkat:
		return (emu_rename((int)a[0], p1, (int)a[2],
		    (const char *)a[3], (unsigned int)a[4], true));
	case SYS_getcwd:
		return (emu_getcwd((char *)a[0], (size_t)a[1]));
	case SYS_getxattr:
	case SYS_lgetxattr:
	case SYS_listxattr:
	case SYS_llistxattr:
		/* ls -l asks for ACLs: say there are none to be had. */
		return (-ENOTSUP);
	case SYS_execve:
		return (emu_exec(p0, (char *const *)a[1], (char *const *)a[2]));
	default:
		return (-ECAPMODE);
	}
}

/* A name for the --verbose explanation of a trapped call. */
static const char *
path_arg(long nr, const long a[6])
{
	switch (nr) {
	case SYS_openat: case SYS_newfstatat: case SYS_statx:
	case SYS_faccessat: case SYS_faccessat2: case SYS_readlinkat:
	case SYS_mkdirat: case SYS_unlinkat: case SYS_fchownat:
	case SYS_fchmodat: case SYS_renameat: case SYS_renameat2:
	case SYS_linkat: case SYS_mknodat: case SYS_utimensat:
	case SYS_fchmodat2: case SYS_openat2: case SYS_execveat:
		return ((const char *)a[1]);
	case SYS_getcwd:
		return ("(cwd)");
	default:
		return ((const char *)a[0]);
	}
}

/* The libc name of a trapped call, for --verbose. */
static const char *
call_name(long nr)
{
	switch (nr) {
	case SYS_open: case SYS_openat: case SYS_openat2: case SYS_creat:
		return ("open");
	case SYS_stat: case SYS_lstat: case SYS_newfstatat: case SYS_statx:
		return ("stat");
	case SYS_access: case SYS_faccessat: case SYS_faccessat2:
		return ("access");
	case SYS_execve: case SYS_execveat:
		return ("exec");
	case SYS_unlink: case SYS_unlinkat: case SYS_rmdir:
		return ("unlink");
	case SYS_mkdir: case SYS_mkdirat:
		return ("mkdir");
	case SYS_rename: case SYS_renameat: case SYS_renameat2:
		return ("rename");
	case SYS_readlink: case SYS_readlinkat:
		return ("readlink");
	default:
		return ("syscall");
	}
}

static void
handler(int sig, siginfo_t *si, void *ctx)
{
	ucontext_t *uc = ctx;
	greg_t *g = uc->uc_mcontext.gregs;
	int saved = errno;
	long a[6], r;

	if (si->si_code != SYS_SECCOMP || si->si_arch != AUDIT_ARCH_X86_64) {
		g[REG_RAX] = -ECAPMODE;
		return;
	}
	a[0] = g[REG_RDI];
	a[1] = g[REG_RSI];
	a[2] = g[REG_RDX];
	a[3] = g[REG_R10];
	a[4] = g[REG_R8];
	a[5] = g[REG_R9];
	r = emulate(si->si_syscall, a);
	if (r < 0)
		pm_explain(call_name(si->si_syscall), path_arg(si->si_syscall,
		    a), (int)-r);
	g[REG_RAX] = r;
	errno = saved;
}

int
sigsys_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	(void)sigemptyset(&sa.sa_mask);
	return (sigaction(SIGSYS, &sa, NULL));
}

/* Path calls that name the global namespace whatever their arguments. */
static const int always[] = {
	SYS_open, SYS_creat, SYS_stat, SYS_lstat, SYS_access, SYS_readlink,
	SYS_getcwd, SYS_chdir, SYS_mkdir, SYS_rmdir, SYS_unlink, SYS_rename,
	SYS_link, SYS_symlink, SYS_chmod, SYS_chown, SYS_lchown, SYS_truncate,
	SYS_utime, SYS_utimes, SYS_mknod, SYS_statfs, SYS_execve,
	SYS_getxattr, SYS_lgetxattr, SYS_listxattr, SYS_llistxattr,
};

/* *at calls: trapped when the dirfd argument(s) at these positions < 0. */
static const struct { int nr, a, b; } at_calls[] = {
	{ SYS_openat, 0, -1 }, { SYS_newfstatat, 0, -1 }, { SYS_statx, 0, -1 },
	{ SYS_faccessat, 0, -1 }, { SYS_faccessat2, 0, -1 },
	{ SYS_readlinkat, 0, -1 }, { SYS_mkdirat, 0, -1 },
	{ SYS_mknodat, 0, -1 }, { SYS_unlinkat, 0, -1 },
	{ SYS_fchownat, 0, -1 }, { SYS_fchmodat, 0, -1 },
	{ SYS_fchmodat2, 0, -1 }, { SYS_futimesat, 0, -1 },
	{ SYS_symlinkat, 1, -1 }, { SYS_renameat, 0, 2 },
	{ SYS_renameat2, 0, 2 }, { SYS_linkat, 0, 2 },
	{ SYS_openat2, 0, -1 },
};

#define NALWAYS	(sizeof(always) / sizeof(always[0]))
#define NAT	(sizeof(at_calls) / sizeof(at_calls[0]))
#define ARG_LO(k) (offsetof(struct seccomp_data, args) + 8 * (k))

static size_t
emit_negative_check(struct sock_filter *f, size_t n, int arg)
{
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
	    ARG_LO(arg));
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K,
	    0x80000000u, 0, 1);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
	    SECCOMP_RET_TRAP);
	return (n);
}

int
sigsys_filter(void)
{
	struct sock_filter f[8 + 2 * NALWAYS + 8 * NAT];
	struct sock_fprog prog;
	size_t n = 0, start;
	long r;

	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
	    offsetof(struct seccomp_data, arch));
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
	    AUDIT_ARCH_X86_64, 1, 0);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
	    SECCOMP_RET_ALLOW);	/* the library's filter refuses other ABIs */
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
	    offsetof(struct seccomp_data, nr));
	for (size_t i = 0; i < NALWAYS; i++) {
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
		    (unsigned int)always[i], 0, 1);
		f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
		    SECCOMP_RET_TRAP);
	}
	for (size_t i = 0; i < NAT; i++) {
		start = n++;
		n = emit_negative_check(f, n, at_calls[i].a);
		if (at_calls[i].b >= 0)
			n = emit_negative_check(f, n, at_calls[i].b);
		f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
		    SECCOMP_RET_ALLOW);
		f[start] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ |
		    BPF_K, (unsigned int)at_calls[i].nr, 0,
		    (unsigned char)(n - start - 1));
	}
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
	    SECCOMP_RET_ALLOW);
	prog.len = (unsigned short)n;
	prog.filter = f;
	r = cm_sc3(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
	    SECCOMP_FILTER_FLAG_TSYNC, &prog);
	if (r > 0)		/* TSYNC names a thread it could not sync */
		r = -EBUSY;
	return ((int)cm_ret(r));
}
