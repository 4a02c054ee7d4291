/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * manifest.h - what caprun hands to the preload shim
 *
 * caprun opens the directories and files a program may use and passes them
 * as inherited descriptors; the environment variable CAPRUN_MANIFEST says
 * which descriptor stands for which path and with which rights.  The text
 * form is one line of ';'-separated fields:
 *
 *	v1;f=<flags>;c=<virtual cwd>;e=<fd>,<kind>,<path>;...
 *	e=<fd>,f,<rights word 0>,<rights word 1>	(MF_FD)
 *
 * Paths are %XX-escaped so they may hold any byte but NUL, and are
 * absolute and normalised (mf_normalise), as the shim compares them; an
 * MF_FD entry has the two words of its cap_rights_t (decimal) where others
 * have a path.  The decoder refuses anything else, and allocates nothing:
 * the shim runs it in its constructor and keeps the result in a page it
 * then makes read-only, and the SIGSYS handler reads it.
 */
#ifndef CAPRUN_MANIFEST_H
#define CAPRUN_MANIFEST_H

#include <limits.h>
#include <stddef.h>

#include <sys/capsicum.h>

#define MF_ENV		"CAPRUN_MANIFEST"
#define MF_MAX		64		/* entries */
#define MF_POOL		(48 * 1024)	/* bytes of path text */

/* Entry kinds: what the descriptor is and what it may be used for. */
#define MF_DIR_RO	'r'	/* directory: read, look up, execute */
#define MF_DIR_RW	'w'	/* directory: everything beneath it */
#define MF_FILE_RO	'R'	/* regular file, read (and execute) only */
#define MF_FILE_RW	'W'	/* regular file, read and write */
#define MF_FD		'f'	/* a plain inherited descriptor, no path */
#define MF_ANCESTOR	'a'	/* O_PATH directory above a pre-open: stat only */

/* Flags. */
#define MF_VERBOSE	0x1u	/* explain each denial on stderr */
#define MF_STRICT	0x2u	/* refuse to run without every guarantee */
#define MF_NOTRAP	0x4u	/* no SIGSYS emulation of raw calls */

struct mf_entry {
	int		fd;
	char		kind;
	unsigned int	len;		/* strlen(path) */
	const char	*path;		/* normalised absolute path, in the pool */
	cap_rights_t	rights;		/* MF_FD: its limit; all 0: none */
};

struct manifest {
	unsigned int	flags;
	unsigned int	n;
	const char	*cwd;		/* virtual cwd, in the pool */
	struct mf_entry	e[MF_MAX];
	size_t		used;
	char		pool[MF_POOL];
};

/*
 * mf_decode: parse text into *m.  Returns 0, or -1 with a static message
 * in *why.  Allocation-free.
 */
int	mf_decode(struct manifest *m, const char *text, const char **why);

/*
 * mf_encode: write *m's text form into buf (NUL-terminated).  Returns the
 * length, or -1 when it does not fit.
 */
int	mf_encode(const struct manifest *m, char *buf, size_t len);

/*
 * mf_add: append an entry (path copied into the pool), or set the cwd when
 * kind is 0.  The path must be normalised, or "" for MF_FD, whose rights
 * may be NULL for no limit.  Returns 0, or -1 when the manifest is full.
 */
int	mf_add(struct manifest *m, int fd, char kind, const char *path,
	    const cap_rights_t *rights);

/*
 * mf_normalise: make path absolute against cwd and remove ".", ".." and
 * repeated slashes lexically, into out (at least PATH_MAX bytes).  ".."
 * never goes above "/".  Returns the length, or -1 when it does not fit
 * (errno untouched: the shim's SIGSYS handler calls this).
 */
int	mf_normalise(const char *cwd, const char *path, char *out, size_t len);

/* The entry whose path is the longest prefix of the normalised path. */
const struct mf_entry *mf_lookup(const struct manifest *m, const char *abs,
	    size_t abslen);

#endif /* !CAPRUN_MANIFEST_H */
