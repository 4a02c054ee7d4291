/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * pathmap.h - virtual paths onto pre-opened descriptors (pm_*)
 *
 * The map is built once from caprun's manifest and made read-only; the
 * virtual cwd is the only thing that changes afterwards.  pm_map() and
 * pm_explain() are async-signal-safe: the SIGSYS handler uses them.
 */
#ifndef PRELOAD_PATHMAP_H
#define PRELOAD_PATHMAP_H

#include <errno.h>
#include <limits.h>
#include <stdbool.h>

#include <sys/capsicum.h>

#include "../sandbox/manifest.h"

struct pm_loc {
	int			dirfd;	/* pre-opened descriptor (not ours to close) */
	const struct mf_entry	*e;
	bool			file;	/* e is a file: rel is "" */
	char			rel[PATH_MAX];	/* beneath dirfd, never absolute */
	char			abs[PATH_MAX];	/* the normalised path */
};

/* Decode the manifest text.  0, or -1 with *why set. */
int	pm_init(const char *text, const char **why);
/* Make the map read-only. */
int	pm_seal(void);
const struct manifest	*pm_manifest(void);
bool	pm_active(void);

/*
 * pm_map: where path (absolute, or relative to the virtual cwd) lives.
 * 0, or -errno: -ECAPMODE when no entry covers it, -ENAMETOOLONG.
 */
int	pm_map(const char *path, struct pm_loc *loc);

/*
 * pm_follow: after a lookup beneath loc failed with ENOTCAPABLE (a
 * symbolic link that leaves its pre-open, typically an absolute one such
 * as /etc/alternatives/...), rewrite loc->abs by following each link on
 * the way through the map, as the kernel would in the real namespace, and
 * map the result again.  The last component is followed only when
 * follow_last.  0 when loc now names another place, -errno otherwise.
 */
int	pm_follow(struct pm_loc *loc, bool follow_last);

/* Virtual cwd: pm_setcwd takes a normalised absolute path. */
const char	*pm_getcwd(void);
int	pm_setcwd(const char *abs);

/*
 * With --verbose, say on stderr why op on path failed with err:
 * "caprun: denied: open /etc/shadow (no pre-opened directory covers it)".
 */
void	pm_explain(const char *op, const char *path, int err);

/* Return -1 with errno = -r when r < 0, else r (for interposers). */
static inline long
pm_ret(long r)
{
	if (r < 0) {
		errno = (int)-r;
		return (-1);
	}
	return (r);
}

#endif /* !PRELOAD_PATHMAP_H */
