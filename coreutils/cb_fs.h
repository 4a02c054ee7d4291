/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cb_fs.h - what capbox's filesystem applets share
 *
 * Operands are opened as (directory descriptor, last name) before
 * cap_enter; after it, everything goes through those descriptors.  The
 * helpers here never print: they return -errno (or -1 with errno) and the
 * applet says what failed, in GNU's words.
 */
#ifndef CB_FS_H
#define CB_FS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/capsicum.h>
#include <sys/stat.h>
#include <sys/types.h>

/*
 * An operand split for *at calls: the object is (dirfd, name), or dirfd
 * itself when name is NULL ("/dev/fd/N", "/", a path ending in "." or "..").
 */
struct cb_path {
	const char	*arg;	/* the operand as typed, for messages */
	int		dirfd;	/* -1 when the parent could not be opened */
	const char	*name;
	bool		ownfd;	/* dirfd was opened here (close it) */
	bool		isfd;	/* operand was /dev/fd/N */
	int		err;	/* errno when dirfd < 0 */
	char		*buf;	/* the parent's path, then name */
};

/* Open flags for a parent directory: look-ups only, or listable. */
#define CB_DIR_PATH	(O_PATH | O_DIRECTORY | O_CLOEXEC)
#define CB_DIR_READ	(O_RDONLY | O_DIRECTORY | O_CLOEXEC)
/* cb_paths_open: follow operands that are symbolic links (see below). */
#define CB_FOLLOW	0x40000000

/*
 * cb_path_open: split arg and open its parent directory with dirflags,
 * relative to the current directory, or --cwd-fd / --root-fd when given.
 * On failure p->dirfd is -1 and p->err says why (ENOENT for a missing
 * parent...).  Returns 0 or -1.
 */
int	cb_path_open(struct cb_path *p, const char *arg, int dirflags);
/* cb_path_open_dir: open arg itself as a directory (name NULL). */
int	cb_path_open_dir(struct cb_path *p, const char *arg, int dirflags);
/* Open a path as anything (open(2) flags), resolved as operands are. */
int	cb_open_operand(const char *arg, int flags, mode_t mode);
void	cb_path_close(struct cb_path *p);
/*
 * cb_path_follow: when p names a symbolic link, replace it by the object
 * the link leads to, opened now (before capability mode, so a link out of
 * the operand's directory can be followed, as -H/-L ask): an O_PATH
 * descriptor, or for a regular file one open for reading; name becomes
 * NULL.  Must be called before the descriptor is shared or limited.
 */
int	cb_path_follow(struct cb_path *p);
/*
 * cb_paths_open: cb_path_open each of args[0..n-1], sharing one parent
 * descriptor between operands with the same parent, and limit each new
 * descriptor to rights (unless NULL).  Fails (-1) only if limiting fails.
 */
int	cb_paths_open(struct cb_path *v, int n, char *const args[],
	    int dirflags, const cap_rights_t *rights);
void	cb_paths_close(struct cb_path *v, int n);
/* Limit p->dirfd (if owned or an fd operand) to the given rights. */
int	cb_path_limit(struct cb_path *p, const cap_rights_t *rights);

/* fstatat of the object a cb_path names (flags: AT_SYMLINK_NOFOLLOW). */
int	cb_path_stat(const struct cb_path *p, struct stat *st, int flags);

/* The base the operands resolve against: AT_FDCWD, --cwd-fd or --root-fd. */
int	cb_fs_basefd(void);
bool	cb_fs_in_root(void);

/*
 * cb_copy_data: copy from `from` (at its offset) to `to` until end of
 * file, with copy_file_range where the kernel can, else read/write with a
 * large buffer.  size > 0 is what fstat said: reaching it ends the copy
 * without one more call to find the end (a file that grows meanwhile is
 * copied as it was).  Returns 0, or -1 with errno and *werr true when
 * writing failed (false: reading).
 */
int	cb_copy_data(int to, int from, off_t size, bool *werr);
/* Write all of buf, retrying short writes and EINTR.  0 or -1/errno. */
int	cb_write_all(int fd, const void *buf, size_t len);

/*
 * Symbolic and octal modes (chmod, mkdir -m).  cb_mode_compile returns a
 * change list to free(), or NULL (errno EINVAL) for a bad mode string.
 */
struct cb_modechange;
struct cb_modechange	*cb_mode_compile(const char *s);
/* Apply changes to oldmode; umask is used where "who" is omitted. */
mode_t	cb_mode_adjust(const struct cb_modechange *c, mode_t oldmode,
	    bool isdir, mode_t umask_, mode_t *not_applied);
/* The 10-character "drwxr-xr-x" form (no terminator added past 10). */
void	cb_mode_string(mode_t m, char buf[11]);

/*
 * Sizes: GNU's -h (powers of 1024, "1.5K"), --si (1000), or plain blocks.
 * buf needs 32 bytes.
 */
#define CB_HUMAN_1024	1
#define CB_HUMAN_1000	2
const char	*cb_human(uintmax_t n, int how, char buf[32]);

/* User and group names, cached before cap_enter (no /etc afterwards). */
void	cb_ids_cache(void);
const char	*cb_user_name(uid_t uid, char buf[24]);
const char	*cb_group_name(gid_t gid, char buf[24]);

/* GNU's quoting of a name in messages: 'a', "a'b". Returns a static slot. */
const char	*cb_quote(const char *s);
const char	*cb_quote_n(int slot, const char *s);
/* Quoted only when it has to be ("prog: FILE: reason" messages). */
const char	*cb_quotef(const char *s);

/* Ask on stderr, read an answer from stdin: true for y/Y... */
bool	cb_yes(void);

/*
 * The target of several operands is not a directory: GNU's message
 * ("target 'x': No such file or directory", "...: Not a directory").
 */
void	cb_target_not_dir(const char *target) __attribute__((noreturn));

/*
 * cb_fs_stdio: limit the standard streams (stdin read, stdout and stderr
 * write), unless one of the n operands names one of them ("-",
 * /dev/fd/0..2): that one is an operand and keeps its rights.
 */
void	cb_fs_stdio(char *const *ops, int n);

/* Same inode? */
static inline bool
cb_same_inode(const struct stat *a, const struct stat *b)
{
	return (a->st_dev == b->st_dev && a->st_ino == b->st_ino);
}

/* The rights a directory needs to be walked and statted. */
void	cb_rights_walk(cap_rights_t *r);

#endif /* CB_FS_H */

/*
 * cb_canon: the canonical absolute name of path, resolved by hand beneath
 * rootfd (an O_PATH descriptor of "/", or of --root-fd's directory): "."
 * and ".." are handled on the string, each symbolic link is read with
 * readlinkat and spliced in, so nothing is looked up outside rootfd.
 * cwd is the absolute name of the current directory.  Returns a string to
 * free(), or NULL with errno.
 */
#define CB_CANON_EXISTING	0	/* every component must exist (-e) */
#define CB_CANON_ALL_BUT_LAST	1	/* all but the last must exist (-f) */
#define CB_CANON_MISSING	2	/* nothing need exist (-m) */
#define CB_CANON_NOLINKS	4	/* do not expand symlinks (-s) */
char	*cb_canon(int rootfd, const char *cwd, const char *path, int how);
/* The current directory's absolute name (before capability mode). */
char	*cb_cwd_name(void);

/*
 * The copy engine of cp, shared with mv (which copies across file
 * systems).  Implemented in cp.c.
 */
struct cb_cp {
	bool	recursive, force, noclobber, interactive, verbose;
	bool	pmode, powner, ptimes, plinks, xdev, remove_first;
	bool	fsync;		/* mv: data reaches the disk before unlink */
	int	deref;		/* CB_DEREF_* */
	mode_t	umask_;
	dev_t	*anc_dev;	/* ancestors of the destination directory */
	ino_t	*anc_ino;
	size_t	nanc;
	struct cb_links	*links;	/* hard links seen (plinks) */
};
#define CB_DEREF_NEVER		0	/* -P */
#define CB_DEREF_ALWAYS		1	/* -L */
#define CB_DEREF_ARGS		2	/* -H */

/*
 * cb_cp_ancestors: before capability mode, record the directories from
 * dirfd up to "/", so that copying a directory into itself is refused.
 */
void	cb_cp_ancestors(struct cb_cp *cp, int dirfd);
/*
 * cb_cp_copy: copy (sdir, sname) -- the operand as shown: spath -- to
 * (ddir, dname), shown as dpath.  sname may be NULL (sdir itself).
 * Returns 0, or 1 after a message.
 */
int	cb_cp_copy(struct cb_cp *cp, int sdir, const char *sname,
	    const char *spath, int ddir, const char *dname, const char *dpath);
/* The rights cp needs on source and destination directories. */
void	cb_cp_rights(const struct cb_cp *cp, cap_rights_t *src,
	    cap_rights_t *dst);
