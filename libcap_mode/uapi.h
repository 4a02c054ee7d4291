/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * uapi.h - kernel constants and structures newer than Debian 12's headers
 *
 * Written from the kernel's documented ABI so that the library builds the
 * same with glibc's and musl's headers (musl-gcc has no <linux/...>).
 * Every name is prefixed CM_ so nothing clashes with a system header.
 */
#ifndef CM_UAPI_H
#define CM_UAPI_H

#include <stdint.h>

/* Syscall numbers (x86_64) that old libc headers may lack. */
#if defined(__x86_64__)
#define CM_NR_pidfd_send_signal	424
#define CM_NR_pidfd_open	434
#define CM_NR_clone3		435
#define CM_NR_close_range	436
#define CM_NR_openat2		437
#define CM_NR_pidfd_getfd	438
#define CM_NR_faccessat2	439
#define CM_NR_landlock_create_ruleset	444
#define CM_NR_landlock_add_rule		445
#define CM_NR_landlock_restrict_self	446
#define CM_NR_kcmp		312
#define CM_NR_mseal		462
#define CM_NR_fchmodat2		452
#define CM_NR_seccomp		317
#define CM_AUDIT_ARCH		0xc000003eu	/* AUDIT_ARCH_X86_64 */
#elif defined(__aarch64__)
#define CM_NR_pidfd_send_signal	424
#define CM_NR_pidfd_open	434
#define CM_NR_clone3		435
#define CM_NR_close_range	436
#define CM_NR_openat2		437
#define CM_NR_pidfd_getfd	438
#define CM_NR_faccessat2	439
#define CM_NR_landlock_create_ruleset	444
#define CM_NR_landlock_add_rule		445
#define CM_NR_landlock_restrict_self	446
#define CM_NR_kcmp		272
#define CM_NR_mseal		462
#define CM_NR_fchmodat2		452
#define CM_NR_seccomp		277
#define CM_AUDIT_ARCH		0xc00000b7u	/* AUDIT_ARCH_AARCH64 */
#else
#error "capmode: unsupported architecture"
#endif

/* openat2(2) */
struct cm_open_how {
	uint64_t	flags;
	uint64_t	mode;
	uint64_t	resolve;
};
#define CM_RESOLVE_NO_XDEV		0x01
#define CM_RESOLVE_NO_MAGICLINKS	0x02
#define CM_RESOLVE_NO_SYMLINKS		0x04
#define CM_RESOLVE_BENEATH		0x08
#define CM_RESOLVE_IN_ROOT		0x10
#define CM_RESOLVE_CACHED		0x20

/* Landlock (Documentation/userspace-api/landlock.rst) */
struct cm_landlock_ruleset_attr {
	uint64_t	handled_access_fs;
	uint64_t	handled_access_net;
	uint64_t	scoped;
};
#define CM_LANDLOCK_CREATE_RULESET_VERSION	(1u << 0)
#define CM_LANDLOCK_RULE_PATH_BENEATH		1
#define CM_LANDLOCK_RULE_NET_PORT		2
struct cm_landlock_path_beneath_attr {
	uint64_t	allowed_access;
	int32_t		parent_fd;
} __attribute__((packed));

#define CM_LL_FS_EXECUTE	(1ULL << 0)
#define CM_LL_FS_WRITE_FILE	(1ULL << 1)
#define CM_LL_FS_READ_FILE	(1ULL << 2)
#define CM_LL_FS_READ_DIR	(1ULL << 3)
#define CM_LL_FS_REMOVE_DIR	(1ULL << 4)
#define CM_LL_FS_REMOVE_FILE	(1ULL << 5)
#define CM_LL_FS_MAKE_CHAR	(1ULL << 6)
#define CM_LL_FS_MAKE_DIR	(1ULL << 7)
#define CM_LL_FS_MAKE_REG	(1ULL << 8)
#define CM_LL_FS_MAKE_SOCK	(1ULL << 9)
#define CM_LL_FS_MAKE_FIFO	(1ULL << 10)
#define CM_LL_FS_MAKE_BLOCK	(1ULL << 11)
#define CM_LL_FS_MAKE_SYM	(1ULL << 12)
#define CM_LL_FS_REFER		(1ULL << 13)	/* ABI 2 */
#define CM_LL_FS_TRUNCATE	(1ULL << 14)	/* ABI 3 */
#define CM_LL_FS_IOCTL_DEV	(1ULL << 15)	/* ABI 5 */
#define CM_LL_NET_BIND_TCP	(1ULL << 0)	/* ABI 4 */
#define CM_LL_NET_CONNECT_TCP	(1ULL << 1)	/* ABI 4 */
#define CM_LL_SCOPE_ABSTRACT_UNIX_SOCKET (1ULL << 0)	/* ABI 6 */
#define CM_LL_SCOPE_SIGNAL	(1ULL << 1)	/* ABI 6 */

/* seccomp(2) and classic BPF */
#define CM_SECCOMP_SET_MODE_FILTER	1
#define CM_SECCOMP_FILTER_FLAG_TSYNC	(1u << 0)
#define CM_SECCOMP_RET_KILL_PROCESS	0x80000000u
#define CM_SECCOMP_RET_TRAP		0x00030000u
#define CM_SECCOMP_RET_ERRNO		0x00050000u
#define CM_SECCOMP_RET_ALLOW		0x7fff0000u
#define CM_SECCOMP_RET_DATA		0x0000ffffu

struct cm_sock_filter {
	uint16_t	code;
	uint8_t		jt;
	uint8_t		jf;
	uint32_t	k;
};
struct cm_sock_fprog {
	unsigned short		len;
	struct cm_sock_filter	*filter;
};

/* struct seccomp_data offsets */
#define CM_SD_NR	0
#define CM_SD_ARCH	4
#define CM_SD_ARG_LO(i)	(16 + 8 * (i))		/* little endian */
#define CM_SD_ARG_HI(i)	(16 + 8 * (i) + 4)

/* clone */
#define CM_CLONE_PIDFD		0x00001000u

/* pidfd */
#define CM_P_PIDFD		3
#define CM_PIDFD_GET_INFO	0xc040ff0bu	/* _IOWR(0xFF, 11, struct pidfd_info) */
#define CM_PIDFD_INFO_PID	(1ULL << 0)
struct cm_pidfd_info {
	uint64_t	mask;
	uint64_t	cgroupid;
	uint32_t	pid, tgid, ppid, ruid, rgid, euid, egid, suid, sgid, fsuid, fsgid;
	int32_t		exit_code;
};

/* kcmp */
#define CM_KCMP_FILE		0

#endif /* CM_UAPI_H */
