/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * capbpf.h - the interface between the capbpf LSM programs, their loader
 * (capbpf) and libcap_mode
 *
 * The programs keep Capsicum rights per open file description, in a hash
 * map keyed by the address of the kernel's struct file.  A process narrows
 * the rights of a descriptor it holds with a reserved ioctl(2) on that
 * descriptor; the programs intercept the command before any driver sees it
 * and answer with the errno CAPBPF_ACK, which no kernel path returns.
 *
 * Type 0xCA, numbers 0xF0 and up: no driver in Linux's ioctl-number list
 * uses them.
 *
 * This header is included by BPF C (after vmlinux.h) and by user space.
 */
#ifndef CAPBPF_H
#define CAPBPF_H

#ifdef __VMLINUX_H__
#define CAPBPF_U32	__u32
#define CAPBPF_S32	__s32
#define CAPBPF_U64	__u64
#else
#include <stdint.h>
#define CAPBPF_U32	uint32_t
#define CAPBPF_S32	int32_t
#define CAPBPF_U64	uint64_t
#endif

#define CAPBPF_PIN_DIR		"/sys/fs/bpf/capmode"
#define CAPBPF_PIN_MAP		CAPBPF_PIN_DIR "/rights"

/* The errno of a successful request: above every errno Linux defines. */
#define CAPBPF_ACK		4000
#define CAPBPF_VERSION		1
#define CAPBPF_MAX_IOCTLS	32
/* Descriptors tracked at once, system-wide. */
#define CAPBPF_MAX_FILES	65536

/* ioctl numbers: _IOC(dir, 0xCA, nr, size) spelled out for BPF C. */
#define CAPBPF_IOC(dir, nr, size)					\
	((unsigned int)(((dir) << 30) | ((size) << 16) | (0xCA << 8) | (nr)))
/* Is the capbpf program attached?  Answers CAPBPF_ACK on any descriptor. */
#define CAPBPF_IOC_PROBE	CAPBPF_IOC(0U, 0xF0, 0U)
/* Narrow the rights of the descriptor (argument: struct capbpf_limit *). */
#define CAPBPF_IOC_LIMIT						\
	CAPBPF_IOC(1U, 0xF1, (unsigned int)sizeof(struct capbpf_limit))

/* Which parts of struct capbpf_limit a request narrows. */
#define CAPBPF_L_RIGHTS		0x1u
#define CAPBPF_L_FCNTLS		0x2u
#define CAPBPF_L_IOCTLS		0x4u

struct capbpf_limit {
	CAPBPF_U32	version;	/* CAPBPF_VERSION */
	CAPBPF_U32	what;		/* CAPBPF_L_* */
	CAPBPF_U64	rights[2];	/* cap_rights_t words */
	CAPBPF_U32	fcntls;		/* CAP_FCNTL_* */
	CAPBPF_S32	nioctls;	/* -1: every command */
	CAPBPF_U32	ioctls[CAPBPF_MAX_IOCTLS];
};

#ifdef __VMLINUX_H__
/*
 * The rights of one open file description (map value).  A description
 * without an entry holds every right.
 */
struct capbpf_rights {
	struct bpf_spin_lock lock;
	__u32	fcntls;
	__u32	gen;		/* bumped under the lock by every list change */
	__u32	pad;
	__u64	rights[2];
	__s32	nioctls;
	__u32	ioctls[CAPBPF_MAX_IOCTLS];
};
#endif

/*
 * The CAP_* values the programs test, as <sys/capsicum.h> encodes them
 * (CAPRIGHT(idx, bit)); libcap_mode checks at compile time that they agree.
 */
#define CAPBPF_RIGHT(idx, bit)	((1ULL << (57 + (idx))) | (bit))
#define CAPBPF_READ		CAPBPF_RIGHT(0, 0x1ULL)
#define CAPBPF_WRITE		CAPBPF_RIGHT(0, 0x2ULL)
#define CAPBPF_SEEK		CAPBPF_RIGHT(0, 0xcULL)
#define CAPBPF_MMAP		CAPBPF_RIGHT(0, 0x10ULL)
#define CAPBPF_MMAP_X		CAPBPF_RIGHT(0, 0x20ULL)
#define CAPBPF_CREATE		CAPBPF_RIGHT(0, 0x40ULL)
#define CAPBPF_FEXECVE		CAPBPF_RIGHT(0, 0x80ULL)
#define CAPBPF_FTRUNCATE	CAPBPF_RIGHT(0, 0x200ULL)
#define CAPBPF_LOOKUP		CAPBPF_RIGHT(0, 0x400ULL)
#define CAPBPF_FCHMOD		CAPBPF_RIGHT(0, 0x2000ULL)
#define CAPBPF_LINKAT_TARGET	(CAPBPF_LOOKUP | 0x400000ULL)
#define CAPBPF_MKDIRAT		(CAPBPF_LOOKUP | 0x800000ULL)
#define CAPBPF_MKFIFOAT		(CAPBPF_LOOKUP | 0x1000000ULL)
#define CAPBPF_MKNODAT		(CAPBPF_LOOKUP | 0x2000000ULL)
#define CAPBPF_RENAMEAT_SOURCE	(CAPBPF_LOOKUP | 0x4000000ULL)
#define CAPBPF_SYMLINKAT	(CAPBPF_LOOKUP | 0x8000000ULL)
#define CAPBPF_UNLINKAT		(CAPBPF_LOOKUP | 0x10000000ULL)
#define CAPBPF_LINKAT_SOURCE	(CAPBPF_LOOKUP | 0x20000000000ULL)
#define CAPBPF_RENAMEAT_TARGET	(CAPBPF_LOOKUP | 0x40000000000ULL)
#define CAPBPF_FCHOWN		CAPBPF_RIGHT(0, 0x4000ULL)
#define CAPBPF_FCNTL		CAPBPF_RIGHT(0, 0x8000ULL)
#define CAPBPF_FLOCK		CAPBPF_RIGHT(0, 0x10000ULL)
#define CAPBPF_FSTAT		CAPBPF_RIGHT(0, 0x80000ULL)
#define CAPBPF_ACCEPT		CAPBPF_RIGHT(0, 0x20000000ULL)
#define CAPBPF_BIND		CAPBPF_RIGHT(0, 0x40000000ULL)
#define CAPBPF_CONNECT		CAPBPF_RIGHT(0, 0x80000000ULL)
#define CAPBPF_GETPEERNAME	CAPBPF_RIGHT(0, 0x100000000ULL)
#define CAPBPF_GETSOCKNAME	CAPBPF_RIGHT(0, 0x200000000ULL)
#define CAPBPF_GETSOCKOPT	CAPBPF_RIGHT(0, 0x400000000ULL)
#define CAPBPF_LISTEN		CAPBPF_RIGHT(0, 0x800000000ULL)
#define CAPBPF_SETSOCKOPT	CAPBPF_RIGHT(0, 0x2000000000ULL)
#define CAPBPF_SHUTDOWN		CAPBPF_RIGHT(0, 0x4000000000ULL)
#define CAPBPF_ALL0		CAPBPF_RIGHT(0, 0x7FFFFFFFFFFULL)
#define CAPBPF_IOCTL		CAPBPF_RIGHT(1, 0x80ULL)
#define CAPBPF_ALL1		CAPBPF_RIGHT(1, 0x1FFFFFULL)
/* CAP_FCNTL_*: one bit per fcntl(2) command, 1 << F_xxx. */
#define CAPBPF_FCNTL_GETFL	(1u << 3)
#define CAPBPF_FCNTL_SETFL	(1u << 4)
#define CAPBPF_FCNTL_GETOWN	(1u << 9)
#define CAPBPF_FCNTL_SETOWN	(1u << 8)
#define CAPBPF_FCNTL_ALL	(CAPBPF_FCNTL_GETFL | CAPBPF_FCNTL_SETFL | \
				 CAPBPF_FCNTL_GETOWN | CAPBPF_FCNTL_SETOWN)
#define CAPBPF_ENOTCAPABLE	135

#endif /* CAPBPF_H */
