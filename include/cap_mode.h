/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cap_mode.h - Linux-only extensions of libcap_mode
 *
 * FreeBSD's Capsicum lives in one kernel; on Linux capability mode is made
 * of several kernel mechanisms, each of which may be missing or limited on a
 * given kernel.  This header says which guarantees are in force, lets a
 * program demand all of them (strict mode), and prints the state for humans.
 */
#ifndef _CAP_MODE_H_
#define _CAP_MODE_H_

#include <stddef.h>
#include <stdint.h>
#include <sys/capsicum.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One bit per guarantee.  cap_mode_status() reports which are in force. */
#define CAP_MODE_G_SECCOMP		0x0001u	/* global namespaces refused (seccomp) */
#define CAP_MODE_G_ALL_THREADS		0x0002u	/* every thread of the process confined */
#define CAP_MODE_G_LANDLOCK_FS		0x0004u	/* raw filesystem access only beneath held dirfds */
#define CAP_MODE_G_LANDLOCK_REFER	0x0008u	/* cross-directory link/rename checked (ABI 2) */
#define CAP_MODE_G_LANDLOCK_TRUNCATE	0x0010u	/* truncate checked (ABI 3) */
#define CAP_MODE_G_LANDLOCK_NET		0x0020u	/* TCP bind/connect refused (ABI 4) */
#define CAP_MODE_G_LANDLOCK_IOCTL	0x0040u	/* device ioctl checked (ABI 5) */
#define CAP_MODE_G_LANDLOCK_SCOPE	0x0080u	/* abstract unix sockets scoped (ABI 6) */
#define CAP_MODE_G_KERNEL_RIGHTS	0x0100u	/* read/write narrowing reopens fds in the kernel */
#define CAP_MODE_G_BPF_RIGHTS		0x0200u	/* exact per-fd rights by eBPF LSM (capbpf) */
#define CAP_MODE_G_BENEATH		0x0400u	/* openat2(RESOLVE_BENEATH) available */
#define CAP_MODE_G_ALL			0x07ffu

struct cap_mode_status {
	unsigned int	cms_version;	/* CAP_MODE_STATUS_VERSION */
	unsigned int	cms_capmode;	/* 1 once cap_enter() succeeded */
	int		cms_landlock_abi; /* kernel's Landlock ABI, 0 if none */
	unsigned int	cms_strict;	/* strict mode requested */
	uint32_t	cms_available;	/* guarantees this kernel can give */
	uint32_t	cms_enforced;	/* guarantees in force now (after cap_enter) */
	unsigned int	cms_threads;	/* threads confined by the last cap_enter */
	unsigned int	cms_limited_fds; /* descriptors with narrowed rights */
};
#define CAP_MODE_STATUS_VERSION	1

/*
 * cap_mode_status: fill *st.  Before cap_enter, cms_enforced is 0 and
 * cms_available says what cap_enter would install.  EFAULT if st is NULL.
 */
int	cap_mode_status(struct cap_mode_status *st);

/* The name of one guarantee bit ("seccomp", "landlock-net", ...), or NULL. */
const char	*cap_mode_guarantee_name(uint32_t bit);

/*
 * cap_mode_status_format: a human-readable report, one guarantee per line
 * ("enforced", "missing: why"), into buf.  Returns the length it needed
 * (snprintf semantics).
 */
int	cap_mode_status_format(char *buf, size_t len);

/*
 * Strict mode: cap_enter() fails with ENOTSUP, entering nothing new, unless
 * every guarantee in `required` can be given.  CAP_MODE_G_ALL asks for all
 * of them.  The environment variable CAPMODE_STRICT=1 sets it to
 * CAP_MODE_G_ALL & ~CAP_MODE_G_BPF_RIGHTS before the first cap_enter.
 * 0 turns strict mode off.
 */
int	cap_mode_set_strict(uint32_t required);

/* FreeBSD's message for ECAPMODE/ENOTCAPABLE, strerror(3) for the rest. */
const char	*cap_mode_strerror(int errnum);

/*
 * A hook for tests and tools: when the environment variable
 * CAPMODE_TRACE_FD=N is set, cap_enter() writes one line "capmode: entered
 * <guarantees>\n" to fd N once capability mode is in force.  Tools use it to
 * prove the order "enter, then touch data".
 */

#ifdef __cplusplus
}
#endif

#endif /* !_CAP_MODE_H_ */
