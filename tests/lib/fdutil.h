/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fdutil.h - descriptor helpers shared by the C tests
 */
#ifndef TESTS_FDUTIL_H
#define TESTS_FDUTIL_H

#include <stdbool.h>

/* Is fd open?  Asks the kernel (raw fcntl), not the library. */
bool	fd_is_open(int fd);
/* The kernel's access mode of fd: O_RDONLY, O_WRONLY, O_RDWR, O_PATH, or -1. */
int	fd_kernel_accmode(int fd);
/* A pipe with both ends O_CLOEXEC; p[0] read end.  0 or -1. */
int	make_pipe(int p[2]);
/* Landlock ABI of the running kernel, 0 if none. */
int	landlock_abi(void);

#endif /* !TESTS_FDUTIL_H */
