/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * rights_limit.c - cap_rights_limit/get, cap_ioctls_*, cap_fcntls_*
 *
 * Rights only narrow.  Where the kernel can keep a right itself, it does:
 * a regular file, directory or character device opened read-write and
 * limited to reading is reopened read-only (through /proc/self/fd/N), and
 * one limited to lookups and fstat is reopened O_PATH, so a raw write(2)
 * fails too.  The reopened file keeps its offset and status flags, and
 * replaces the descriptor in place (dup3), but it is a new open file
 * description: that is why we only reopen when no other descriptor of this
 * process shares the old one (kcmp), and never after cap_enter (no /proc).
 * Another process that shares the description (a shell that passed it)
 * keeps its own offset from then on; see cap_rights_limit(3).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"
#include "sys.h"

#define MAX_IOCTLS	256

/* Rights that need a real open file; without any of them, O_PATH does. */
static const uint64_t needs_open0 = (CAP_READ | CAP_WRITE | CAP_SEEK |
    CAP_MMAP | CAP_FCHMOD | CAP_FCHOWN | CAP_FTRUNCATE | CAP_FSYNC |
    CAP_FLOCK | CAP_FUTIMES | CAP_FCHFLAGS) & ~CAPRIGHT(0, 0);
static const uint64_t needs_open1 = (CAP_IOCTL | CAP_EVENT |
    CAP_EXTATTR_DELETE | CAP_EXTATTR_GET | CAP_EXTATTR_LIST |
    CAP_EXTATTR_SET | CAP_ACL_CHECK | CAP_ACL_DELETE | CAP_ACL_GET |
    CAP_ACL_SET) & ~CAPRIGHT(1, 0);
static unsigned int kernel_kept;


CM_HIDDEN int
cm_rights_of(int fd, cap_rights_t *out)
{
	struct cm_slot s;

	if (cm_slot_get(fd, &s)) {
		out->cr_rights[0] = s.r[0];
		out->cr_rights[1] = s.r[1];
	} else {
		CAP_ALL(out);
	}
	return (0);
}

static void
slot_all_rights(struct cm_slot *s)
{
	cap_rights_t all;

	CAP_ALL(&all);
	s->r[0] = all.cr_rights[0];
	s->r[1] = all.cr_rights[1];
}

static bool
has(const cap_rights_t *r, uint64_t right)
{
	return ((r->cr_rights[CAPIDXBIT(right) == 2 ? 1 : 0] & right) == right);
}

struct share_ctx {
	long	pid;
	int	fd;
	bool	shared;
};

/* One kcmp per open descriptor: the pid is asked once, not each time. */
static int
check_shared(int other, void *arg)
{
	struct share_ctx *c = arg;

	if (other != c->fd && cm_sc5(CM_NR_kcmp, c->pid, c->pid,
	    CM_KCMP_FILE, c->fd, other) == 0) {
		c->shared = true;
		return (-1);
	}
	return (0);
}

/* The access mode the rights need, or -1 to leave the file alone. */
static int
wanted_mode(const cap_rights_t *r, mode_t type)
{
	bool rd = has(r, CAP_READ), wr = has(r, CAP_WRITE);

	if ((r->cr_rights[0] & needs_open0) == 0 &&
	    (r->cr_rights[1] & needs_open1) == 0)
		return (O_PATH);
	if (S_ISDIR(type))
		return (-1);	/* directories are read-only already */
	if (rd && wr)
		return (O_RDWR);
	if (rd)
		return (O_RDONLY);
	if (wr)
		return (O_WRONLY);
	return (-1);
}

/*
 * Give fd a narrower open file description if the kernel can keep the
 * rights and nothing else shares it.  Table lock held.  Returns 1 if the
 * kernel now refuses what the rights forbid, 0 if the library alone does.
 */
static int
kernel_narrow(int fd, const cap_rights_t *r, long fl)
{
	struct share_ctx sc = { cm_sc0(SYS_getpid), fd, false };
	struct stat st;
	char path[64];
	long fdflags, newfd, off = -1;
	int mode, acc;

	/* The common case costs nothing more: the access mode already fits. */
	acc = (fl & O_PATH) != 0 ? O_PATH : (int)(fl & O_ACCMODE);
	if (acc == O_PATH)
		return (1);
	if (acc != O_RDWR && (has(r, CAP_READ) || has(r, CAP_WRITE)))
		return (acc == (has(r, CAP_READ) ? O_RDONLY : O_WRONLY) ||
		    (has(r, CAP_READ) && has(r, CAP_WRITE)));
	if (cm_capmode || cm_sc2(SYS_fstat, fd, &st) < 0)
		return (0);
	if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode) &&
	    !S_ISCHR(st.st_mode))
		return (0);
	if ((mode = wanted_mode(r, st.st_mode)) < 0)
		return (0);
	if (acc == mode)
		return (1);
	if (acc != O_RDWR && mode != O_PATH)
		return (0);
	/* kcmp tells whether another descriptor shares the description. */
	if (cm_kcmp_file(fd, fd) != 0 ||
	    (cm_for_each_fd(check_shared, &sc) < 0 && sc.shared))
		return (0);
	if ((fdflags = cm_sc2(SYS_fcntl, fd, F_GETFD)) < 0)
		return (0);
	if (S_ISREG(st.st_mode) && mode != O_PATH)
		off = cm_sc3(SYS_lseek, fd, 0, SEEK_CUR);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if (mode == O_PATH)
		fl = O_PATH;
	else
		fl = mode | (fl & (O_APPEND | O_NONBLOCK | O_DIRECT |
		    O_NOATIME | O_SYNC | O_DSYNC));
	newfd = cm_sc4(SYS_openat, AT_FDCWD, path, fl | O_CLOEXEC | O_NOCTTY, 0);
	if (newfd < 0)
		return (0);
	if (off > 0 && cm_sc3(SYS_lseek, newfd, off, SEEK_SET) != off) {
		cm_close((int)newfd);
		return (0);
	}
	if (cm_sc3(SYS_dup3, newfd, fd,
	    (fdflags & FD_CLOEXEC) != 0 ? O_CLOEXEC : 0) < 0) {
		cm_close((int)newfd);
		return (0);
	}
	cm_close((int)newfd);
	return (1);
}

static int
limit(int fd, const cap_rights_t *rights)
{
	struct cm_slot s;
	cap_rights_t cur;
	int k;

	long fl;

	if (!cm_rights_valid(rights))
		return (-EINVAL);
	if ((fl = cm_sc2(SYS_fcntl, fd, F_GETFL)) < 0)
		return (-EBADF);
	cm_table_lock();
	(void)cm_slot_get(fd, &s);
	cm_rights_of(fd, &cur);
	if (!cap_rights_contains(&cur, rights)) {
		cm_table_unlock();
		return (-ENOTCAPABLE);
	}
	k = kernel_narrow(fd, rights, fl);
	if (cm_bpf_limit_rights(fd, rights) > 0)
		k = 1;
	if (k > 0)
		kernel_kept++;
	s.r[0] = rights->cr_rights[0];
	s.r[1] = rights->cr_rights[1];
	s.ioctls = NULL;
	if (s.nioctls > 0) {
		/* cm_slot_get does not copy the list; fetch it under the lock. */
		s.ioctls = cm_slot_ioctls_dup_locked(fd);
		if (s.ioctls == NULL) {
			cm_table_unlock();
			return (-ENOMEM);
		}
	}
	k = cm_slot_put_locked(fd, &s);
	cm_table_unlock();
	return (k);
}

CM_EXPORT int
cap_rights_limit(int fd, const cap_rights_t *rights)
{
	if (rights == NULL)
		return ((int)cm_ret(-EFAULT));
	return ((int)cm_ret(limit(fd, rights)));
}

CM_EXPORT int
__cap_rights_get(int version, int fd, cap_rights_t *rights)
{
	if (version != CAP_RIGHTS_VERSION_00 || rights == NULL)
		return ((int)cm_ret(-EINVAL));
	if (cm_sc2(SYS_fcntl, fd, F_GETFD) < 0)
		return ((int)cm_ret(-EBADF));
	return (cm_rights_of(fd, rights));
}

/* New descriptor from a lookup through dirfd: it inherits dirfd's rights. */
CM_HIDDEN int
cm_limit_inherit(int newfd, int dirfd)
{
	struct cm_slot s;
	int r;

	if (!cm_slot_get(dirfd, &s))
		return (0);
	cm_table_lock();
	r = cm_slot_copy_locked(newfd, dirfd);
	cm_table_unlock();
	return (r);
}

static int
ioctls_limit(int fd, const unsigned long *cmds, size_t ncmds)
{
	struct cm_slot s;
	unsigned long *list = NULL;
	int r;

	if (ncmds > MAX_IOCTLS)
		return (-EINVAL);
	if (cm_sc2(SYS_fcntl, fd, F_GETFD) < 0)
		return (-EBADF);
	cm_table_lock();
	(void)cm_slot_get(fd, &s);
	if (s.nioctls >= 0) {
		for (size_t i = 0; i < ncmds; i++)
			if (!cm_ioctl_allowed_locked(fd, cmds[i])) {
				cm_table_unlock();
				return (-ENOTCAPABLE);
			}
	}
	if (ncmds > 0) {
		list = malloc(ncmds * sizeof(*list));
		if (list == NULL) {
			cm_table_unlock();
			return (-ENOMEM);
		}
		memcpy(list, cmds, ncmds * sizeof(*list));
	}
	if (s.r[0] == 0)
		slot_all_rights(&s);
	(void)cm_bpf_limit_ioctls(fd, cmds, ncmds);
	s.nioctls = (int32_t)ncmds;
	s.ioctls = list;
	r = cm_slot_put_locked(fd, &s);
	cm_table_unlock();
	return (r);
}

CM_EXPORT int
cap_ioctls_limit(int fd, const unsigned long *cmds, size_t ncmds)
{
	if (cmds == NULL && ncmds > 0)
		return ((int)cm_ret(-EFAULT));
	return ((int)cm_ret(ioctls_limit(fd, cmds, ncmds)));
}

CM_EXPORT ssize_t
cap_ioctls_get(int fd, unsigned long *cmds, size_t maxcmds)
{
	ssize_t n;

	if (cm_sc2(SYS_fcntl, fd, F_GETFD) < 0)
		return (cm_ret(-EBADF));
	cm_table_lock();
	n = cm_slot_ioctls_copy_locked(fd, cmds, maxcmds);
	cm_table_unlock();
	return (n < 0 ? CAP_IOCTLS_ALL : n);
}

CM_EXPORT int
cap_fcntls_limit(int fd, uint32_t fcntlrights)
{
	struct cm_slot s;
	int r;

	if ((fcntlrights & ~(uint32_t)CAP_FCNTL_ALL) != 0)
		return ((int)cm_ret(-EINVAL));
	if (cm_sc2(SYS_fcntl, fd, F_GETFD) < 0)
		return ((int)cm_ret(-EBADF));
	cm_table_lock();
	(void)cm_slot_get(fd, &s);
	if ((fcntlrights & ~s.fcntls) != 0) {
		cm_table_unlock();
		return ((int)cm_ret(-ENOTCAPABLE));
	}
	if (s.r[0] == 0)
		slot_all_rights(&s);
	(void)cm_bpf_limit_fcntls(fd, fcntlrights);
	s.fcntls = fcntlrights;
	s.ioctls = s.nioctls > 0 ? cm_slot_ioctls_dup_locked(fd) : NULL;
	if (s.nioctls > 0 && s.ioctls == NULL) {
		cm_table_unlock();
		return ((int)cm_ret(-ENOMEM));
	}
	r = cm_slot_put_locked(fd, &s);
	cm_table_unlock();
	return ((int)cm_ret(r));
}

CM_EXPORT int
cap_fcntls_get(int fd, uint32_t *fcntlrightsp)
{
	struct cm_slot s;

	if (fcntlrightsp == NULL)
		return ((int)cm_ret(-EFAULT));
	if (cm_sc2(SYS_fcntl, fd, F_GETFD) < 0)
		return ((int)cm_ret(-EBADF));
	(void)cm_slot_get(fd, &s);
	*fcntlrightsp = s.fcntls;
	return (0);
}

CM_HIDDEN unsigned int
cm_kernel_kept(void)
{
	return (kernel_kept);
}
