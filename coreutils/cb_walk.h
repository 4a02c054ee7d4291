/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cb_walk.h - read directories and walk trees beneath a directory fd
 *
 * A walk never builds a path for a system call: every entry is reached as
 * (descriptor of its directory, name), with openat/fstatat/unlinkat.  The
 * path strings it carries are for messages only.  Symbolic links are not
 * followed unless the walk is told to (CB_WALK_FOLLOW, CB_WALK_FOLLOW_ROOT),
 * so a link pointing out of the tree is visited as a link, never entered.
 */
#ifndef CB_WALK_H
#define CB_WALK_H

#include <stdbool.h>
#include <dirent.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

/* One directory entry, as getdents64 gave it. */
struct cb_ent {
	const char	*name;
	ino_t		ino;
	unsigned char	type;		/* DT_*; DT_UNKNOWN on some filesystems */
};

/* Every entry of one directory but "." and "..", names in one pool. */
struct cb_dirlist {
	struct cb_ent	*v;
	size_t		n, cap;
	char		*pool;
	size_t		poollen, poolcap;
};

/*
 * cb_dir_read: read all of directory fd (opened O_RDONLY|O_DIRECTORY, not
 * O_PATH) into *dl from its current position.  The caller keeps fd.
 * Returns 0 or -errno; *dl holds what was read either way.
 */
int	cb_dir_read(int fd, struct cb_dirlist *dl);
void	cb_dir_free(struct cb_dirlist *dl);
/* Sort by inode number: reading the inodes in disk order is faster. */
void	cb_dir_sort_ino(struct cb_dirlist *dl);

/* What a visit is about. */
enum cb_visit {
	CB_PRE,		/* a directory, before its entries */
	CB_POST,	/* a directory, after its entries */
	CB_LEAF,	/* anything else (a symlink not followed, a file...) */
	CB_ERR,		/* a directory that could not be opened or read */
};

struct cb_node {
	int		dirfd;	/* the directory holding name */
	const char	*name;	/* name in dirfd; NULL for a root given as fd */
	const char	*path;	/* for messages only */
	unsigned char	type;	/* DT_* (never DT_UNKNOWN when visited) */
	int		fd;	/* CB_PRE/CB_POST: the directory, open for reading */
	int		depth;	/* 0 for the operand */
	int		err;	/* CB_ERR: the errno */
	const struct stat *st;	/* set when the walk had to stat, else NULL */
	struct cb_node	*parent;
	int		ufd;	/* free for the visitor (cp: the copy's dirfd) */
	bool		dnr;	/* CB_POST: the directory could not be read */
	bool		keep;	/* free for the visitor (rm: an entry stayed) */
};

#define CB_WALK_STAT		0x01	/* stat every entry (du, ls -l) */
#define CB_WALK_FOLLOW		0x02	/* follow every symlink (-L) */
#define CB_WALK_FOLLOW_ROOT	0x04	/* follow a symlink operand (-H) */
#define CB_WALK_XDEV		0x08	/* stay on the operand's filesystem */
#define CB_WALK_SORT_INO	0x10	/* visit entries by inode number */

/* A visitor's answers: go on, do not enter this directory, stop the walk. */
#define CB_CONTINUE	0
#define CB_SKIP		1
#define CB_STOP		2

struct cb_walk {
	int		(*visit)(struct cb_walk *, enum cb_visit,
			    struct cb_node *);
	void		*arg;
	unsigned int	flags;
	dev_t		rootdev;	/* set by cb_walk() for CB_WALK_XDEV */
	int		rval;		/* visitors or-in failures here */
};

/*
 * cb_walk: visit the tree at (dirfd, name), or the directory dirfd itself
 * when name is NULL (O_PATH will do; the caller keeps dirfd).  path names the operand in messages.  Returns CB_STOP if a
 * visitor stopped the walk, else 0; failures are the visitor's to count
 * (w->rval).  A directory the walk cannot open is reported by CB_ERR.
 */
int	cb_walk(struct cb_walk *w, int dirfd, const char *name,
	    const char *path);

/* dt_of: the DT_* of a stat mode. */
unsigned char	cb_dt_of(mode_t mode);

#endif /* CB_WALK_H */
