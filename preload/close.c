/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * close.c - the pre-opened descriptors are the map's, not the program's
 *
 * Programs that tidy their descriptors before an exec (Python's
 * subprocess closes everything above 2) would take the path map's
 * directories away from the program they start, which then cannot read
 * its manifest.  close() of a manifest descriptor therefore does nothing,
 * and close_range() leaves them out.  Everything else goes to the
 * library's close, which also forgets the descriptor's rights.
 */
#include <linux/close_range.h>
#include <stdlib.h>
#include <unistd.h>

#include "shim.h"

static bool
in_manifest(unsigned int fd)
{
	const struct manifest *m = pm_manifest();

	if (m == NULL)
		return (false);
	for (unsigned int i = 0; i < m->n; i++)
		if ((unsigned int)m->e[i].fd == fd)
			return (true);
	return (false);
}

SHIM_EXPORT int
close(int fd)
{
	if (fd >= 0 && pm_active() && in_manifest((unsigned int)fd))
		return (0);
	return (cmlib_close(fd));
}

/* The lowest manifest descriptor in [first, last], or last + 1. */
static unsigned long
next_kept(unsigned int first, unsigned int last)
{
	const struct manifest *m = pm_manifest();
	unsigned long best = (unsigned long)last + 1;

	for (unsigned int i = 0; i < m->n; i++) {
		unsigned int fd = (unsigned int)m->e[i].fd;

		if (fd >= first && fd <= last && fd < best)
			best = fd;
	}
	return (best);
}

SHIM_EXPORT int
close_range(unsigned int first, unsigned int last, int flags)
{
	unsigned long k;

	if (!pm_active() || first > last)
		return (cmlib_close_range(first, last, flags));
	while (first <= last) {
		k = next_kept(first, last);
		if (k > first && cmlib_close_range(first, (unsigned int)(k - 1),
		    flags) < 0)
			return (-1);
		if (k >= (unsigned long)last + 1)
			break;
		first = (unsigned int)k + 1;
		if (first == 0)		/* k was UINT_MAX */
			break;
	}
	return (0);
}
