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
	if (!loc.file) {
		r = cm_openat_beneath(loc.dirfd, loc.rel, flags, mode,
		    CM_BENEATH);
		if (r != -ENOTCAPABLE || pm_follow(&loc, (flags & O_NOFOLLOW)
		    == 0) != 0)
			return (r);
		if (wr && loc.e->kind != MF_DIR_RW && loc.e->kind != MF_FILE_RW)
			return (-ENOTCAPABLE);
		if (!loc.file)
			return (cm_openat_beneath(loc.dirfd, loc.rel, flags, mode,
			    CM_BENEATH));
	}
	if (loc.e->kind == MF_ANCESTOR)
		return (-EACCES);	/* stat only, as in fcntl.c */
	if ((flags & O_DIRECTORY) != 0)
		return (-ENOTDIR);
	r = cm_sc3(SYS_fcntl, loc.dirfd, (flags & O_CLOEXEC) != 0 ?
	    F_DUPFD_CLOEXEC : F_DUPFD, 0);
	if (r >= 0 && (flags & O_APPEND) == 0)
		(void)cm_sc3(SYS_lseek, r, 0, SEEK_SET);
	return (r);
}

/*
 * The handler runs on whatever thread-local storage the interrupted code
 * has set up: after uexec.c started a statically linked program, that is
 * the program's, not our libc's.  So nothing below touches errno: raw
 * system calls and the resolver only, each returning -errno.
 */

/*
 * O_PATH descriptor of the object's directory and its last name.  The
 * path is normalised: no "." or ".." in it, so the name stays beneath.
 */
static long
parent_fd(const struct pm_loc *loc, char *buf, const char **last)
{
	const char *slash;

	if (loc->file || loc->e->kind == MF_ANCESTOR)
		return (-ENOTCAPABLE);
	if ((slash = strrchr(loc->rel, '/')) == NULL) {
		*last = loc->rel;
		return (cm_sc3(SYS_fcntl, loc->dirfd, F_DUPFD_CLOEXEC, 0));
	}
	memcpy(buf, loc->rel, (size_t)(slash - loc->rel));
	buf[slash - loc->rel] = '\0';
	*last = slash + 1;
	return (cm_openat_beneath(loc->dirfd, buf, O_PATH | O_DIRECTORY |
	    O_CLOEXEC, 0, CM_BENEATH));
}

static bool
writable(const struct pm_loc *loc)
{
	return (loc->e->kind == MF_DIR_RW || loc->e->kind == MF_FILE_RW);
}

/*
 * Run one call on the object: a pre-opened file itself, or (parent, last
 * name) beneath its pre-open with a final symlink followed there, never by
 * the kernel.  Attribute changes go through a descriptor of the object
 * (the filter lets no path reach them).
 */
static long
on_object(long nr, const struct pm_loc *loc, bool follow, long a, long b,
    long c)
{
	char last[CM_NAME_MAX + 1];
	bool own = false;
	long pfd, fd, r;
	const char *name = "";
	int nofollow = AT_SYMLINK_NOFOLLOW;

	if (loc->file) {
		pfd = loc->dirfd;
		nofollow = AT_EMPTY_PATH;
	} else if ((pfd = cm_locate(loc->dirfd, loc->rel, follow, last,
	    &own)) < 0) {
		return (pfd);
	} else {
		name = last;
	}
	switch (nr) {
	case SYS_newfstatat:
		r = cm_sc4(SYS_newfstatat, pfd, name, a, nofollow);
		break;
	case SYS_statx:
		r = cm_sc5(SYS_statx, pfd, name, nofollow | (b &
		    ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)), c, a);
		break;
	case SYS_faccessat2:
		r = cm_sc4(SYS_faccessat2, pfd, name, a, nofollow |
		    (b & AT_EACCESS));
		break;
	case SYS_readlinkat:
		r = cm_sc4(SYS_readlinkat, pfd, name, a, b);
		break;
	case SYS_fchmodat:
	case SYS_fchownat:
		fd = loc->file ? cm_sc3(SYS_fcntl, pfd, F_DUPFD_CLOEXEC, 0) :
		    cm_attr_fd((int)pfd, name);
		if (fd < 0) {
			r = fd;
			break;
		}
		r = nr == SYS_fchmodat ? cm_sc2(SYS_fchmod, fd, a) :
		    cm_sc3(SYS_fchown, fd, a, b);
		cm_close((int)fd);
		break;
	default:
		r = -ECAPMODE;
	}
	if (own)
		cm_close((int)pfd);
	return (r);
}

/* Run one call on (parent, last name) of the object. */
static long
on_name(long nr, const struct pm_loc *loc, long a)
{
	char buf[PATH_MAX];
	const char *last;
	long pfd, r;

	if (!writable(loc))
		return (-ENOTCAPABLE);
	if ((pfd = parent_fd(loc, buf, &last)) < 0)
		return (pfd);
	if (nr == SYS_mkdirat)
		r = cm_sc3(SYS_mkdirat, pfd, last, a);
	else
		r = cm_sc3(SYS_unlinkat, pfd, last, a);
	cm_close((int)pfd);
	return (r);
}

static long
object_call(long nr, const struct pm_loc *loc, long a2, long a3, long a4)
{
	switch (nr) {
	case SYS_newfstatat:
		return (on_object(nr, loc, (a3 & AT_SYMLINK_NOFOLLOW) == 0, a2,
		    0, 0));
	case SYS_statx:
		return (on_object(nr, loc, (a2 & AT_SYMLINK_NOFOLLOW) == 0, a4,
		    a2, a3));
	case SYS_faccessat2:
		if ((a2 & W_OK) != 0 && !writable(loc))
			return (-EACCES);
		return (on_object(nr, loc, (a3 & AT_SYMLINK_NOFOLLOW) == 0, a2,
		    a3, 0));
	case SYS_readlinkat:
		return (on_object(nr, loc, false, a2, a3, 0));
	case SYS_fchmodat:
		if (!writable(loc))
			return (-ENOTCAPABLE);
		return (on_object(nr, loc, true, a2, 0, 0));
	case SYS_fchownat:
		if (!writable(loc))
			return (-ENOTCAPABLE);
		return (on_object(nr, loc, (a4 & AT_SYMLINK_NOFOLLOW) == 0, a2,
		    a3, 0));
	case SYS_mkdirat:
	case SYS_unlinkat:
		return (on_name(nr, loc, a2));
	default:
		return (-ECAPMODE);
	}
}

/* stat, readlink, access and the like: on (dirfd, rel) or the file. */
static long
emu_object(long nr, int dirfd, const char *path, long a2, long a3, long a4)
{
	struct pm_loc loc;
	long r;

	if ((r = map_at(dirfd, path, &loc)) < 0)
		return (r);
	r = object_call(nr, &loc, a2, a3, a4);
	if (r == -ENOTCAPABLE && (nr == SYS_newfstatat || nr == SYS_statx ||
	    nr == SYS_faccessat2) && pm_follow(&loc, ((nr == SYS_statx ? a2 :
	    a3) & AT_SYMLINK_NOFOLLOW) == 0) == 0)
		r = object_call(nr, &loc, a2, a3, a4);
	return (r);
}

static long
emu_rename(int fromfd, const char *from, int tofd, const char *to,
    unsigned int flags, bool link)
{
	struct pm_loc lf, lt;
	char bf[PATH_MAX], bt[PATH_MAX];
	const char *nf, *nt;
	long r, pf, pt;

	/* Both sides are global here: one real dirfd would not have trapped. */
	if ((r = map_at(fromfd, from, &lf)) < 0 ||
	    (r = map_at(tofd, to, &lt)) < 0)
		return (r);
	if (!writable(&lf) || !writable(&lt))
		return (-ENOTCAPABLE);
	if ((pf = parent_fd(&lf, bf, &nf)) < 0)
		return (pf);
	if ((pt = parent_fd(&lt, bt, &nt)) < 0) {
		cm_close((int)pf);
		return (pt);
	}
	if (link)
		r = cm_sc5(SYS_linkat, pf, nf, pt, nt, 0);
	else
		r = cm_sc5(SYS_renameat2, pf, nf, pt, nt, flags);
	cm_close((int)pf);
	cm_close((int)pt);
	return (r);
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
	return (shim_execve_raw(path, argv, envp));
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
