/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * landlock.c - layer 2: filesystem access only beneath held directories
 *
 * At cap_enter every directory descriptor the process holds becomes a
 * Landlock rule, with access rights derived from the descriptor's
 * capability rights.  Raw system calls that the seccomp filter lets through
 * (openat on a held dirfd with "..", an absolute path or an escaping
 * symlink) then meet the kernel's own refusal.
 *
 * What each ABI adds, and what is missing below it:
 *   1 (5.13)  files and directories: read, write, execute, make, remove
 *   2 (5.19)  REFER: without it, every cross-directory link/rename fails
 *   3 (6.2)   TRUNCATE: without it, truncate(2) is not mediated
 *   4 (6.7)   TCP bind/connect: without it only seccomp refuses them
 *   5 (6.10)  IOCTL_DEV: device ioctls on newly opened files
 *   6 (6.12)  scopes: abstract unix sockets stay inside (signals: seccomp)
 *   7 (6.15)  audit logging flags (nothing to enforce)
 */
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "internal.h"
#include "sys.h"

static int abi_cache = -1;

CM_HIDDEN int
cm_landlock_abi(void)
{
	long r;

	if (abi_cache >= 0)
		return (abi_cache);
	r = cm_landlock_create_ruleset(NULL, 0,
	    CM_LANDLOCK_CREATE_RULESET_VERSION);
	abi_cache = r > 0 ? (int)r : 0;
	return (abi_cache);
}

CM_HIDDEN uint32_t
cm_landlock_guarantees(int abi)
{
	uint32_t g = 0;

	if (abi >= 1)
		g |= CAP_MODE_G_LANDLOCK_FS;
	if (abi >= 2)
		g |= CAP_MODE_G_LANDLOCK_REFER;
	if (abi >= 3)
		g |= CAP_MODE_G_LANDLOCK_TRUNCATE;
	if (abi >= 4)
		g |= CAP_MODE_G_LANDLOCK_NET;
	if (abi >= 5)
		g |= CAP_MODE_G_LANDLOCK_IOCTL;
	if (abi >= 6)
		g |= CAP_MODE_G_LANDLOCK_SCOPE;
	return (g);
}

static uint64_t
handled_fs(int abi)
{
	uint64_t fs = (CM_LL_FS_MAKE_SYM << 1) - 1;	/* ABI 1: bits 0-12 */

	switch (abi) {
	default:
		__attribute__((fallthrough));
	case 5:
		fs |= CM_LL_FS_IOCTL_DEV;
		__attribute__((fallthrough));
	case 4:
	case 3:
		fs |= CM_LL_FS_TRUNCATE;
		__attribute__((fallthrough));
	case 2:
		fs |= CM_LL_FS_REFER;
		__attribute__((fallthrough));
	case 1:
		break;
	}
	return (fs);
}

static bool
has(const cap_rights_t *r, uint64_t right)
{
	return ((r->cr_rights[CAPIDXBIT(right) == 2 ? 1 : 0] & right) == right);
}

/* Landlock access for what a directory's capability rights allow beneath it. */
CM_HIDDEN uint64_t
cm_landlock_access(const cap_rights_t *r)
{
	uint64_t a = 0;

	if (has(r, CAP_READ))
		a |= CM_LL_FS_READ_FILE | CM_LL_FS_READ_DIR;
	/*
	 * Lookups beneath the directory open each directory on the way
	 * (resolve.c: in capability mode there are no O_PATH opens, which
	 * Landlock would not check).  Listing such a directory is then
	 * possible for raw system calls; the library still wants CAP_READ.
	 */
	if (has(r, CAP_LOOKUP))
		a |= CM_LL_FS_READ_DIR;
	/*
	 * Attribute changes beneath the directory open the object first
	 * (at.c: the filter lets no path reach fchmodat and the like), so
	 * raw reads there are possible too; the library still wants CAP_READ.
	 */
	if (has(r, CAP_FCHMODAT) || has(r, CAP_FCHOWNAT) ||
	    has(r, CAP_FUTIMESAT))
		a |= CM_LL_FS_READ_FILE | CM_LL_FS_READ_DIR;
	if (has(r, CAP_WRITE))
		a |= CM_LL_FS_WRITE_FILE;
	if (has(r, CAP_FEXECVE))
		a |= CM_LL_FS_EXECUTE;
	if (has(r, CAP_CREATE))
		a |= CM_LL_FS_MAKE_REG;
	if (has(r, CAP_MKDIRAT))
		a |= CM_LL_FS_MAKE_DIR;
	if (has(r, CAP_SYMLINKAT))
		a |= CM_LL_FS_MAKE_SYM;
	if (has(r, CAP_MKFIFOAT))
		a |= CM_LL_FS_MAKE_FIFO;
	/* CAP_MKNODAT: never devices (a disk's block device reads every file). */
	if (has(r, CAP_BINDAT))
		a |= CM_LL_FS_MAKE_SOCK;
	if (has(r, CAP_UNLINKAT))
		a |= CM_LL_FS_REMOVE_FILE | CM_LL_FS_REMOVE_DIR;
	if (has(r, CAP_FTRUNCATE))
		a |= CM_LL_FS_TRUNCATE;
	if (has(r, CAP_IOCTL))
		a |= CM_LL_FS_IOCTL_DEV;
	if (has(r, CAP_RENAMEAT_SOURCE))
		a |= CM_LL_FS_REFER | CM_LL_FS_REMOVE_FILE | CM_LL_FS_REMOVE_DIR;
	if (has(r, CAP_RENAMEAT_TARGET) || has(r, CAP_LINKAT_TARGET))
		a |= CM_LL_FS_REFER | CM_LL_FS_MAKE_REG | CM_LL_FS_MAKE_DIR |
		    CM_LL_FS_MAKE_SYM | CM_LL_FS_MAKE_FIFO | CM_LL_FS_MAKE_SOCK;
	if (has(r, CAP_LINKAT_SOURCE))
		a |= CM_LL_FS_REFER;
	return (a);
}

/*
 * Call fn(fd, arg) for every open descriptor: from /proc/self/fd when it is
 * there, else by probing up to the descriptor limit.
 */
CM_HIDDEN int
cm_for_each_fd(int (*fn)(int, void *), void *arg)
{
	struct cm_open_how how = { .flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC };
	char buf[4096];
	long dfd, n;
	int r = 0;

	dfd = cm_openat2(AT_FDCWD, "/proc/self/fd", &how);
	if (dfd >= 0) {
		while ((n = cm_sc3(SYS_getdents64, dfd, buf, sizeof(buf))) > 0) {
			for (long off = 0; off < n;) {
				struct cm_dirent {
					uint64_t ino;
					int64_t off;
					unsigned short reclen;
					unsigned char type;
					char name[];
				} *d = (struct cm_dirent *)(buf + off);
				char *end;
				long fd = strtol(d->name, &end, 10);

				off += d->reclen;
				if (*end != '\0' || d->name[0] == '.' ||
				    fd == dfd)
					continue;
				if ((r = fn((int)fd, arg)) < 0)
					break;
			}
			if (r < 0)
				break;
		}
		cm_close((int)dfd);
		return (r);
	}
	struct rlimit rl;
	long max = 65536;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < (rlim_t)max)
		max = (long)rl.rlim_cur;
	for (long fd = 0; fd < max; fd++)
		if (cm_sc2(SYS_fcntl, fd, F_GETFD) >= 0 &&
		    (r = fn((int)fd, arg)) < 0)
			break;
	return (r);
}

struct build_ctx {
	int		rfd;
	uint64_t	handled;
	unsigned int	nrules;
	bool		have_proc;	/* /proc's device: procfs directories */
	dev_t		proc_dev;
};


/*
 * The rule for one held descriptor: a directory gives access beneath it
 * by its rights; an executable regular file open for reading, with
 * CAP_READ and CAP_FEXECVE, may be executed (fexecve opens it again, for
 * reading, and Landlock checks that open).  procfs
 * directories give nothing: /proc/<pid> opened beneath them would be
 * handles on other processes (pidfd_send_signal accepts them).
 */
static int
add_held_rule(int fd, void *arg)
{
	struct build_ctx *ctx = arg;
	struct cm_landlock_path_beneath_attr pb;
	cap_rights_t rights;
	struct stat st;

	if (fd == ctx->rfd || cm_sc2(SYS_fstat, fd, &st) < 0 ||
	    cm_rights_of(fd, &rights) < 0)
		return (0);
	if (S_ISREG(st.st_mode)) {
		long fl = cm_sc2(SYS_fcntl, fd, F_GETFL);

		/* Only what the descriptor could do anyway: read, execute. */
		if (!has(&rights, CAP_FEXECVE) || !has(&rights, CAP_READ) ||
		    fl < 0 || (fl & O_PATH) != 0 ||
		    (fl & O_ACCMODE) == O_WRONLY || (st.st_mode & 0111) == 0)
			return (0);
		pb.allowed_access = (CM_LL_FS_EXECUTE | CM_LL_FS_READ_FILE) &
		    ctx->handled;
	} else if (S_ISDIR(st.st_mode)) {
		if (ctx->have_proc && st.st_dev == ctx->proc_dev)
			return (0);
		pb.allowed_access = cm_landlock_access(&rights) & ctx->handled;
	} else {
		return (0);
	}
	pb.parent_fd = fd;
	if (pb.allowed_access == 0)
		return (0);
	if (cm_landlock_add_rule(ctx->rfd, CM_LANDLOCK_RULE_PATH_BENEATH,
	    &pb) == 0)
		ctx->nrules++;
	return (0);
}

/*
 * Build the ruleset for the descriptors held now.  Returns 0 with
 * *rulesetfd = -1 when the kernel has no Landlock.
 */
CM_HIDDEN int
cm_landlock_build(int *rulesetfd)
{
	struct cm_landlock_ruleset_attr attr = { 0 };
	struct build_ctx ctx;
	int abi = cm_landlock_abi();
	long rfd;
	size_t size;

	*rulesetfd = -1;
	if (abi < 1)
		return (0);
	attr.handled_access_fs = handled_fs(abi);
	size = sizeof(attr.handled_access_fs);
	if (abi >= 4) {
		attr.handled_access_net = CM_LL_NET_BIND_TCP |
		    CM_LL_NET_CONNECT_TCP;
		size = offsetof(struct cm_landlock_ruleset_attr, scoped);
	}
	/*
	 * Abstract unix sockets are a global namespace: scope them.  Signals
	 * are not scoped: the seccomp filter already refuses every pid but
	 * ours, and the remaining way, pidfd_send_signal, needs a process
	 * descriptor, which is a capability (pdkill of a child forked before
	 * cap_enter must work, as on FreeBSD).
	 */
	if (abi >= 6) {
		attr.scoped = CM_LL_SCOPE_ABSTRACT_UNIX_SOCKET;
		size = sizeof(attr);
	}
	rfd = cm_landlock_create_ruleset(&attr, size, 0);
	if (rfd < 0)
		return ((int)rfd);
	ctx.rfd = (int)rfd;
	ctx.handled = attr.handled_access_fs;
	ctx.nrules = 0;
	{
		struct stat pst, rst;

		/* A mounted /proc only: not the root's empty directory. */
		ctx.have_proc = cm_sc4(SYS_newfstatat, AT_FDCWD, "/proc", &pst,
		    0) == 0 && cm_sc4(SYS_newfstatat, AT_FDCWD, "/", &rst, 0) == 0 &&
		    pst.st_dev != rst.st_dev;
		ctx.proc_dev = ctx.have_proc ? pst.st_dev : 0;
	}
	(void)cm_for_each_fd(add_held_rule, &ctx);
	*rulesetfd = (int)rfd;
	return (0);
}
