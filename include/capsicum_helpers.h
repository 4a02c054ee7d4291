/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * capsicum_helpers.h - FreeBSD's caph_* helpers for libcap_mode
 *
 * Static inline, as on FreeBSD.  The helpers ignore ENOSYS so that a program
 * still runs (unconfined) where the kernel offers nothing; cap_mode.h's
 * strict mode turns that into a failure of cap_enter itself.
 */
#ifndef _CAPSICUM_HELPERS_H_
#define _CAPSICUM_HELPERS_H_

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <nl_types.h>
#include <sys/ioctl.h>
#include <sys/capsicum.h>

#define CAPH_IGNORE_EBADF	0x0001
#define CAPH_READ		0x0002
#define CAPH_WRITE		0x0004

static __inline int
caph_limit_stream(int fd, int flags)
{
	cap_rights_t rights;
	unsigned long cmds[] = { TCGETS, TIOCGWINSZ, FIONREAD };

	cap_rights_init(&rights, CAP_EVENT, CAP_FCNTL, CAP_FSTAT,
	    CAP_IOCTL, CAP_SEEK);
	if ((flags & CAPH_READ) != 0)
		cap_rights_set(&rights, CAP_READ);
	if ((flags & CAPH_WRITE) != 0)
		cap_rights_set(&rights, CAP_WRITE);

	if (cap_rights_limit(fd, &rights) < 0 && errno != ENOSYS) {
		if (errno == EBADF && (flags & CAPH_IGNORE_EBADF) != 0)
			return (0);
		return (-1);
	}
	if (cap_ioctls_limit(fd, cmds, sizeof(cmds) / sizeof(cmds[0])) < 0 &&
	    errno != ENOSYS)
		return (-1);
	if (cap_fcntls_limit(fd, CAP_FCNTL_GETFL) < 0 && errno != ENOSYS)
		return (-1);
	return (0);
}

static __inline int
caph_limit_stdin(void)
{
	return (caph_limit_stream(STDIN_FILENO, CAPH_READ));
}

static __inline int
caph_limit_stderr(void)
{
	return (caph_limit_stream(STDERR_FILENO, CAPH_WRITE));
}

static __inline int
caph_limit_stdout(void)
{
	return (caph_limit_stream(STDOUT_FILENO, CAPH_WRITE));
}

static __inline int
caph_limit_stdio(void)
{
	const int iebadf = CAPH_IGNORE_EBADF;

	if (caph_limit_stream(STDIN_FILENO, CAPH_READ | iebadf) == -1 ||
	    caph_limit_stream(STDOUT_FILENO, CAPH_WRITE | iebadf) == -1 ||
	    caph_limit_stream(STDERR_FILENO, CAPH_WRITE | iebadf) == -1)
		return (-1);
	return (0);
}

/* Load the time zone now: /etc/localtime is out of reach after cap_enter. */
static __inline void
caph_cache_tzdata(void)
{
	tzset();
}

/* Open the message catalogues now, as FreeBSD does with a failing catopen. */
static __inline void
caph_cache_catpages(void)
{
	(void)catopen("libc", NL_CAT_LOCALE);
}

static __inline int
caph_enter(void)
{
	if (cap_enter() < 0 && errno != ENOSYS)
		return (-1);
	return (0);
}

/* No casper daemon on Linux: the services run in-process (see fileargs). */
static __inline int
caph_enter_casper(void)
{
	return (caph_enter());
}

static __inline int
caph_rights_limit(int fd, const cap_rights_t *rights)
{
	if (cap_rights_limit(fd, rights) < 0 && errno != ENOSYS)
		return (-1);
	return (0);
}

static __inline int
caph_ioctls_limit(int fd, const unsigned long *cmds, size_t ncmds)
{
	if (cap_ioctls_limit(fd, cmds, ncmds) < 0 && errno != ENOSYS)
		return (-1);
	return (0);
}

static __inline int
caph_fcntls_limit(int fd, uint32_t fcntlrights)
{
	if (cap_fcntls_limit(fd, fcntlrights) < 0 && errno != ENOSYS)
		return (-1);
	return (0);
}

#endif /* !_CAPSICUM_HELPERS_H_ */
