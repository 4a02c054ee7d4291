/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_rights.c - the rights algebra and cap_rights_limit never widen
 *
 * The input is a sequence of (operation, right) bytes applied to two
 * cap_rights_t values and to a descriptor.  Invariants checked after every
 * step: both values stay valid; merge contains both inputs; remove leaves
 * nothing of what was removed; the descriptor's rights (cap_rights_get)
 * only ever shrink, and a refused limit leaves them unchanged.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sys/capsicum.h>

static const uint64_t all_rights[] = {
	CAP_READ, CAP_WRITE, CAP_SEEK_TELL, CAP_SEEK, CAP_MMAP, CAP_MMAP_X,
	CAP_CREATE, CAP_FEXECVE, CAP_FSYNC, CAP_FTRUNCATE, CAP_LOOKUP,
	CAP_FCHDIR, CAP_FCHFLAGS, CAP_FCHMOD, CAP_FCHOWN, CAP_FCNTL,
	CAP_FLOCK, CAP_FPATHCONF, CAP_FSCK, CAP_FSTAT, CAP_FSTATFS,
	CAP_FUTIMES, CAP_LINKAT_TARGET, CAP_MKDIRAT, CAP_MKFIFOAT,
	CAP_MKNODAT, CAP_RENAMEAT_SOURCE, CAP_SYMLINKAT, CAP_UNLINKAT,
	CAP_ACCEPT, CAP_BIND, CAP_CONNECT, CAP_GETPEERNAME, CAP_GETSOCKNAME,
	CAP_GETSOCKOPT, CAP_LISTEN, CAP_PEELOFF, CAP_SETSOCKOPT, CAP_SHUTDOWN,
	CAP_BINDAT, CAP_CONNECTAT, CAP_LINKAT_SOURCE, CAP_RENAMEAT_TARGET,
	CAP_MAC_GET, CAP_MAC_SET, CAP_SEM_GETVALUE, CAP_SEM_POST,
	CAP_SEM_WAIT, CAP_EVENT, CAP_KQUEUE_EVENT, CAP_IOCTL, CAP_TTYHOOK,
	CAP_PDGETPID, CAP_PDWAIT, CAP_PDKILL, CAP_EXTATTR_DELETE,
	CAP_EXTATTR_GET, CAP_EXTATTR_LIST, CAP_EXTATTR_SET, CAP_ACL_CHECK,
	CAP_ACL_DELETE, CAP_ACL_GET, CAP_ACL_SET, CAP_KQUEUE_CHANGE,
};
#define NRIGHTS	(sizeof(all_rights) / sizeof(all_rights[0]))

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cap_rights_t a, b, m, cur, before;
	int fd = open("/dev/null", O_RDWR | O_CLOEXEC);

	if (fd < 0)
		abort();
	cap_rights_init(&a);
	CAP_ALL(&b);
	for (size_t i = 0; i + 1 < size; i += 2) {
		uint64_t right = all_rights[data[i + 1] % NRIGHTS];

		switch (data[i] % 6) {
		case 0:
			cap_rights_set(&a, right);
			if (!cap_rights_is_set(&a, right))
				abort();
			break;
		case 1:
			cap_rights_clear(&b, right);
			break;
		case 2:
			m = a;
			cap_rights_merge(&m, &b);
			if (!cap_rights_contains(&m, &a) ||
			    !cap_rights_contains(&m, &b))
				abort();
			break;
		case 3:
			m = b;
			cap_rights_remove(&m, &a);
			for (size_t k = 0; k < NRIGHTS; k++)
				if (cap_rights_is_set(&a, all_rights[k]) &&
				    cap_rights_is_set(&m, all_rights[k]))
					abort();
			break;
		case 4:
		case 5:
			if (cap_rights_get(fd, &before) < 0)
				abort();
			if (cap_rights_limit(fd, data[i] % 6 == 4 ? &a : &b) == 0) {
				if (cap_rights_get(fd, &cur) < 0 ||
				    !cap_rights_contains(&before, &cur))
					abort();
			} else {
				if (errno != ENOTCAPABLE ||
				    cap_rights_get(fd, &cur) < 0 ||
				    memcmp(&cur, &before, sizeof(cur)) != 0)
					abort();
			}
			break;
		}
		if (!cap_rights_is_valid(&a) || !cap_rights_is_valid(&b))
			abort();
	}
	close(fd);
	return (0);
}
