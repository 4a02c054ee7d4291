/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fdutil.c - descriptor helpers (see fdutil.h)
 */
#include <fcntl.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "fdutil.h"

#ifndef SYS_landlock_create_ruleset
#define SYS_landlock_create_ruleset	444
#endif
#define LANDLOCK_CREATE_RULESET_VERSION_	1u

bool
fd_is_open(int fd)
{
	return (syscall(SYS_fcntl, fd, F_GETFD) >= 0);
}

int
fd_kernel_accmode(int fd)
{
	long fl = syscall(SYS_fcntl, fd, F_GETFL);

	if (fl < 0)
		return (-1);
	if ((fl & O_PATH) != 0)
		return (O_PATH);
	return ((int)(fl & O_ACCMODE));
}

int
make_pipe(int p[2])
{
	return (pipe2(p, O_CLOEXEC));
}

int
landlock_abi(void)
{
	long abi = syscall(SYS_landlock_create_ruleset, NULL, 0,
	    LANDLOCK_CREATE_RULESET_VERSION_);

	return (abi < 0 ? 0 : (int)abi);
}
