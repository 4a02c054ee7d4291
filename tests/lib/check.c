/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * check.c - failure reports for check.h and errno names for messages
 */
#include <stdio.h>
#include <string.h>

#include <sys/capsicum.h>

#include "check.h"

const char *
errno_name(int err)
{
	static const struct {
		int		e;
		const char	*name;
	} names[] = {
		{ 0, "0" }, { EPERM, "EPERM" }, { ENOENT, "ENOENT" },
		{ ESRCH, "ESRCH" }, { EINTR, "EINTR" }, { EIO, "EIO" },
		{ EBADF, "EBADF" }, { EAGAIN, "EAGAIN" }, { ENOMEM, "ENOMEM" },
		{ EACCES, "EACCES" }, { EFAULT, "EFAULT" }, { EBUSY, "EBUSY" },
		{ EEXIST, "EEXIST" }, { EXDEV, "EXDEV" }, { ENODEV, "ENODEV" },
		{ ENOTDIR, "ENOTDIR" }, { EISDIR, "EISDIR" },
		{ EINVAL, "EINVAL" }, { ENOTTY, "ENOTTY" }, { ESPIPE, "ESPIPE" },
		{ EROFS, "EROFS" }, { EPIPE, "EPIPE" }, { ENOSYS, "ENOSYS" },
		{ ELOOP, "ELOOP" }, { ENOTSOCK, "ENOTSOCK" },
		{ EOPNOTSUPP, "EOPNOTSUPP" }, { EAFNOSUPPORT, "EAFNOSUPPORT" },
		{ EADDRINUSE, "EADDRINUSE" }, { ECONNREFUSED, "ECONNREFUSED" },
		{ ENOTCONN, "ENOTCONN" }, { EDESTADDRREQ, "EDESTADDRREQ" },
		{ EISCONN, "EISCONN" }, { ENOTSUP, "ENOTSUP" },
		{ ECAPMODE, "ECAPMODE" }, { ENOTCAPABLE, "ENOTCAPABLE" },
	};
	static char buf[32];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].e == err)
			return (names[i].name);
	snprintf(buf, sizeof(buf), "errno %d", err);
	return (buf);
}

void
check_report(const char *file, int line, const char *expr, long got,
    int err, const char *want)
{
	fprintf(stderr, "%s:%d: FAILED: %s\n", file, line, expr);
	if (strcmp(want, "true") != 0)
		fprintf(stderr, "    expected %s, got %ld (errno %s)\n", want,
		    got, errno_name(err));
}
