/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * bpf.c - layer 3 client: per-descriptor rights kept by eBPF LSM programs
 *
 * When capbpf(8) has loaded its programs, every narrowing made through
 * cap_rights_limit, cap_ioctls_limit and cap_fcntls_limit is also sent to
 * the kernel with the reserved ioctl CAPBPF_IOC_LIMIT on the descriptor:
 * from then on raw system calls, children, exec'd programs and receivers of
 * the descriptor over SCM_RIGHTS are held to the rights too.
 *
 * The kernel keeps rights per open file description, and accepts a request
 * only for a description that this one descriptor alone refers to; other
 * requests (a description shared with another process or descriptor, more
 * than CAPBPF_MAX_IOCTLS commands) leave the library's table as the only
 * keeper, as without the programs.  The library's table stays
 * authoritative for calls made through the library either way.
 *
 * CAP_FSTAT and fcntl(F_GETFL) (CAP_FCNTL with CAP_FCNTL_GETFL) stay with
 * the library's table: the library and libc read a descriptor's type and
 * status flags with raw calls of their own (the Landlock rules of
 * cap_enter, the reopen of cap_rights_limit, fdopen(3)), which the kernel
 * must keep answering.  Every other right is sent as asked.
 *
 * Presence is probed on an eventfd, which has no ioctl of its own, so the
 * reserved command never reaches a driver while the programs are absent.
 */
#include <string.h>
#include <sys/eventfd.h>
#include <time.h>

#include "internal.h"
#include "sys.h"
#include "../bpf/capbpf.h"

_Static_assert(CAPBPF_READ == CAP_READ && CAPBPF_WRITE == CAP_WRITE &&
    CAPBPF_SEEK == CAP_SEEK && CAPBPF_MMAP == CAP_MMAP &&
    (CAPBPF_MMAP_X | CAP_SEEK | CAP_MMAP) == CAP_MMAP_X &&
    CAPBPF_CREATE == CAP_CREATE && CAPBPF_FEXECVE == CAP_FEXECVE &&
    CAPBPF_FTRUNCATE == CAP_FTRUNCATE &&
    CAPBPF_LOOKUP == CAP_LOOKUP && CAPBPF_FCHMOD == CAP_FCHMOD &&
    CAPBPF_FCHOWN == CAP_FCHOWN && CAPBPF_FCNTL == CAP_FCNTL &&
    CAPBPF_LINKAT_TARGET == CAP_LINKAT_TARGET &&
    CAPBPF_MKDIRAT == CAP_MKDIRAT && CAPBPF_MKFIFOAT == CAP_MKFIFOAT &&
    CAPBPF_MKNODAT == CAP_MKNODAT &&
    CAPBPF_RENAMEAT_SOURCE == CAP_RENAMEAT_SOURCE &&
    CAPBPF_SYMLINKAT == CAP_SYMLINKAT && CAPBPF_UNLINKAT == CAP_UNLINKAT &&
    CAPBPF_LINKAT_SOURCE == CAP_LINKAT_SOURCE &&
    CAPBPF_RENAMEAT_TARGET == CAP_RENAMEAT_TARGET &&
    CAPBPF_FLOCK == CAP_FLOCK && CAPBPF_FSTAT == CAP_FSTAT &&
    CAPBPF_ACCEPT == CAP_ACCEPT && CAPBPF_BIND == CAP_BIND &&
    CAPBPF_CONNECT == CAP_CONNECT && CAPBPF_GETPEERNAME == CAP_GETPEERNAME &&
    CAPBPF_GETSOCKNAME == CAP_GETSOCKNAME &&
    CAPBPF_GETSOCKOPT == CAP_GETSOCKOPT && CAPBPF_LISTEN == CAP_LISTEN &&
    CAPBPF_SETSOCKOPT == CAP_SETSOCKOPT && CAPBPF_SHUTDOWN == CAP_SHUTDOWN &&
    CAPBPF_ALL0 == CAP_ALL0 && CAPBPF_IOCTL == CAP_IOCTL &&
    CAPBPF_ALL1 == CAP_ALL1 && CAPBPF_ENOTCAPABLE == ENOTCAPABLE,
    "capbpf.h and sys/capsicum.h disagree on a right");
_Static_assert(CAPBPF_FCNTL_GETFL == CAP_FCNTL_GETFL &&
    CAPBPF_FCNTL_SETFL == CAP_FCNTL_SETFL &&
    CAPBPF_FCNTL_GETOWN == CAP_FCNTL_GETOWN &&
    CAPBPF_FCNTL_SETOWN == CAP_FCNTL_SETOWN,
    "capbpf.h and sys/capsicum.h disagree on a fcntl right");

static volatile int bpf_present;	/* 1 once the programs answered */
static volatile long probe_after;	/* no probe before this second */

CM_HIDDEN bool
cm_bpf_rights_active(void)
{
	long fd, r;

	fd = cm_sc2(SYS_eventfd2, 0, EFD_CLOEXEC);
	if (fd < 0)
		return (false);
	r = cm_sc3(SYS_ioctl, fd, CAPBPF_IOC_PROBE, 0);
	cm_close((int)fd);
	bpf_present = r == -CAPBPF_ACK;
	return (bpf_present);
}

/*
 * Whether to send requests.  Without the programs a probe costs three
 * syscalls, more than the rest of cap_rights_limit: a failed probe is
 * trusted for a second (the coarse clock is read without a syscall), so
 * limiting thousands of descriptors pays for it once, and programs loaded
 * while we run are still found.
 */
static bool
bpf_usable(void)
{
	struct timespec ts;

	if (bpf_present)
		return (true);
	if (clock_gettime(CLOCK_MONOTONIC_COARSE, &ts) == 0 &&
	    ts.tv_sec < probe_after)
		return (false);
	if (cm_bpf_rights_active())
		return (true);
	probe_after = (long)ts.tv_sec + 1;
	return (false);
}

/* Send one request; 1 if the kernel keeps it now, 0 if not, retrying EAGAIN. */
static int
send_limit(int fd, struct capbpf_limit *req)
{
	long r;
	int tries;

	if (!bpf_usable())
		return (0);
	req->version = CAPBPF_VERSION;
	for (tries = 0; tries < 8; tries++) {
		r = cm_sc3(SYS_ioctl, fd, CAPBPF_IOC_LIMIT, req);
		if (r != -EAGAIN)
			break;
	}
	if (r == -CAPBPF_ACK)
		return (1);
	/* EBADF: an O_PATH descriptor, which takes no ioctl at all. */
	if (r != -ENOTCAPABLE && r != -EBUSY && r != -EAGAIN &&
	    r != -ENOSPC && r != -EBADF)
		bpf_present = 0;	/* gone, or never there: probe again */
	return (0);
}

CM_HIDDEN int
cm_bpf_limit_rights(int fd, const cap_rights_t *rights)
{
	struct capbpf_limit req;

	memset(&req, 0, sizeof(req));
	req.what = CAPBPF_L_RIGHTS;
	req.rights[0] = rights->cr_rights[0] | CAP_FSTAT | CAP_FCNTL;
	req.rights[1] = rights->cr_rights[1];
	return (send_limit(fd, &req));
}

CM_HIDDEN int
cm_bpf_limit_ioctls(int fd, const unsigned long *cmds, size_t ncmds)
{
	struct capbpf_limit req;

	if (ncmds > CAPBPF_MAX_IOCTLS)
		return (0);
	memset(&req, 0, sizeof(req));
	req.what = CAPBPF_L_IOCTLS;
	req.nioctls = (int32_t)ncmds;
	for (size_t i = 0; i < ncmds; i++)
		req.ioctls[i] = (uint32_t)cmds[i];
	return (send_limit(fd, &req));
}

CM_HIDDEN int
cm_bpf_limit_fcntls(int fd, uint32_t fcntls)
{
	struct capbpf_limit req;

	memset(&req, 0, sizeof(req));
	req.what = CAPBPF_L_FCNTLS;
	req.fcntls = fcntls | CAP_FCNTL_GETFL;
	return (send_limit(fd, &req));
}
