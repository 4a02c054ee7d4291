/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * strerror.c - FreeBSD's messages for ECAPMODE and ENOTCAPABLE
 *
 * Linux's libc knows neither errno, so strerror(134) would read "Unknown
 * error 134".  Programs linked with libcap_mode get strerror, strerror_r and
 * perror that say what FreeBSD says; every other errno goes to libc.
 *
 * With glibc the replacements take the place of libc's symbols.  musl keeps
 * strerror and strerror_l in one object, so replacing strerror there would
 * make static links fail with duplicate symbols: with musl, use
 * cap_mode_strerror() (capbox does).
 */
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Referenced from rights_limit.c so static links always take this file. */
CM_HIDDEN const char cm_anchor_strerror = 0;

#define MSG_ECAPMODE	"Not permitted in capability mode"
#define MSG_ENOTCAPABLE	"Capabilities insufficient"

static const char *
capsicum_message(int errnum)
{
	switch (errnum) {
	case ECAPMODE:
		return (MSG_ECAPMODE);
	case ENOTCAPABLE:
		return (MSG_ENOTCAPABLE);
	default:
		return (NULL);
	}
}

#ifdef __GLIBC__
/*
 * libc's own message.  strerror would be the replacement below, so do what
 * glibc's strerror does: its description, translated in the "libc" domain.
 */
static const char *
libc_message(int errnum)
{
	static __thread char unknown[32];
	const char *d = strerrordesc_np(errnum);

	if (d != NULL)
		return (dcgettext("libc", d, LC_MESSAGES));
	snprintf(unknown, sizeof(unknown), "%s %d",
	    dcgettext("libc", "Unknown error", LC_MESSAGES), errnum);
	return (unknown);
}
#else
#define libc_message(e)	strerror(e)
#endif

CM_EXPORT const char *
cap_mode_strerror(int errnum)
{
	const char *m = capsicum_message(errnum);

	return (m != NULL ? m : libc_message(errnum));
}

#ifdef __GLIBC__
CM_EXPORT char *
strerror(int errnum)
{
	return ((char *)cap_mode_strerror(errnum));
}

/* GNU strerror_r: returns the message, maybe not in buf. */
CM_EXPORT char *
strerror_r(int errnum, char *buf, size_t len)
{
	const char *m = cap_mode_strerror(errnum);

	if (len > 0) {
		strncpy(buf, m, len - 1);
		buf[len - 1] = '\0';
	}
	return ((char *)m);
}

/* POSIX strerror_r, which <string.h> maps to __xpg_strerror_r. */
int	__xpg_strerror_r(int, char *, size_t);

CM_EXPORT int
__xpg_strerror_r(int errnum, char *buf, size_t len)
{
	const char *m = cap_mode_strerror(errnum);
	size_t n = strlen(m);

	if (len == 0)
		return (ERANGE);
	memcpy(buf, m, n < len ? n + 1 : len - 1);
	if (n >= len) {
		buf[len - 1] = '\0';
		return (ERANGE);
	}
	return (0);
}

CM_EXPORT void
perror(const char *s)
{
	const char *m = cap_mode_strerror(errno);

	if (s != NULL && *s != '\0')
		fprintf(stderr, "%s: %s\n", s, m);
	else
		fprintf(stderr, "%s\n", m);
}
#endif
