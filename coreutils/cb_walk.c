/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cb_walk.c - read directories with getdents64, walk trees beneath a dirfd
 *
 * The walk holds one descriptor per level of the tree being visited, and
 * reads a whole directory before visiting its entries, so a visitor may
 * remove or create entries in it without disturbing the reading.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <sys/capsicum.h>

#include "cb_walk.h"

/* The kernel's struct linux_dirent64. */
struct dirent64_ {
	uint64_t	d_ino;
	int64_t		d_off;
	unsigned short	d_reclen;
	unsigned char	d_type;
	char		d_name[];
};

#define GETDENTS_BUF	(64 * 1024)

static int
grow(void **p, size_t *cap, size_t need, size_t elem)
{
	size_t ncap = *cap == 0 ? 64 : *cap;
	void *np;

	while (ncap < need)
		ncap *= 2;
	if (ncap == *cap)
		return (0);
	if ((np = realloc(*p, ncap * elem)) == NULL)
		return (-ENOMEM);
	*p = np;
	*cap = ncap;
	return (0);
}

static bool
dot_or_dotdot(const char *s)
{
	return (s[0] == '.' && (s[1] == '\0' || (s[1] == '.' && s[2] == '\0')));
}

/* Append one record; names are kept as pool offsets until the end. */
static int
add_ent(struct cb_dirlist *dl, const struct dirent64_ *d)
{
	size_t len = strlen(d->d_name) + 1;
	int r;

	if ((r = grow((void **)&dl->v, &dl->cap, dl->n + 1,
	    sizeof(*dl->v))) < 0 ||
	    (r = grow((void **)&dl->pool, &dl->poolcap, dl->poollen + len,
	    1)) < 0)
		return (r);
	memcpy(dl->pool + dl->poollen, d->d_name, len);
	dl->v[dl->n].name = (const char *)(uintptr_t)dl->poollen;
	dl->v[dl->n].ino = (ino_t)d->d_ino;
	dl->v[dl->n].type = d->d_type;
	dl->n++;
	dl->poollen += len;
	return (0);
}

static void
fix_names(struct cb_dirlist *dl, size_t from)
{
	size_t i;

	for (i = from; i < dl->n; i++)
		dl->v[i].name = dl->pool + (uintptr_t)dl->v[i].name;
}

int
cb_dir_read(int fd, struct cb_dirlist *dl)
{
	static __thread char buf[GETDENTS_BUF]
	    __attribute__((aligned(8)));
	size_t first = dl->n;
	long n, off;
	int r = 0;

	for (;;) {
		n = syscall(SYS_getdents64, fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			/*
			 * A directory removed while open reads as empty, as
			 * POSIX asks and glibc's readdir does (ENOENT).
			 */
			if (n < 0 && errno != ENOENT)
				r = -errno;
			break;
		}
		for (off = 0; off < n;) {
			const struct dirent64_ *d =
			    (const struct dirent64_ *)(buf + off);

			off += d->d_reclen;
			if (dot_or_dotdot(d->d_name))
				continue;
			if ((r = add_ent(dl, d)) < 0)
				goto out;
		}
	}
out:
	fix_names(dl, first);
	return (r);
}

void
cb_dir_free(struct cb_dirlist *dl)
{
	free(dl->v);
	free(dl->pool);
	memset(dl, 0, sizeof(*dl));
}

static int
cmp_ino(const void *a, const void *b)
{
	ino_t x = ((const struct cb_ent *)a)->ino;
	ino_t y = ((const struct cb_ent *)b)->ino;

	return (x < y ? -1 : x > y);
}

void
cb_dir_sort_ino(struct cb_dirlist *dl)
{
	if (dl->n > 1)
		qsort(dl->v, dl->n, sizeof(*dl->v), cmp_ino);
}

unsigned char
cb_dt_of(mode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFDIR:
		return (DT_DIR);
	case S_IFREG:
		return (DT_REG);
	case S_IFLNK:
		return (DT_LNK);
	case S_IFCHR:
		return (DT_CHR);
	case S_IFBLK:
		return (DT_BLK);
	case S_IFIFO:
		return (DT_FIFO);
	case S_IFSOCK:
		return (DT_SOCK);
	default:
		return (DT_UNKNOWN);
	}
}

/* A growing "a/b/c" for messages. */
struct pathbuf {
	char	*s;
	size_t	len, cap;
};

static int
path_push(struct pathbuf *pb, const char *name)
{
	size_t n = strlen(name), need = pb->len + n + 2;
	int r;

	if ((r = grow((void **)&pb->s, &pb->cap, need, 1)) < 0)
		return (r);
	if (pb->len > 0 && pb->s[pb->len - 1] != '/')
		pb->s[pb->len++] = '/';
	memcpy(pb->s + pb->len, name, n + 1);
	pb->len += n;
	return (0);
}

struct walkctx {
	struct cb_walk	*w;
	struct pathbuf	pb;
};

static int	walk_node(struct walkctx *, struct cb_node *, bool);

/* Is the directory (dev, ino) one of node's ancestors?  (-L loops) */
static bool
is_loop(const struct cb_node *n, const struct stat *st)
{
	for (n = n->parent; n != NULL; n = n->parent)
		if (n->st != NULL && n->st->st_dev == st->st_dev &&
		    n->st->st_ino == st->st_ino)
			return (true);
	return (false);
}

static int
walk_children(struct walkctx *c, struct cb_node *dir)
{
	struct cb_dirlist dl;
	size_t i, mark;
	int r, ret = CB_CONTINUE;

	memset(&dl, 0, sizeof(dl));
	r = cb_dir_read(dir->fd, &dl);
	if (r < 0) {
		dir->err = -r;
		dir->dnr = true;
		if (c->w->visit(c->w, CB_ERR, dir) == CB_STOP) {
			cb_dir_free(&dl);
			return (CB_STOP);
		}
	}
	if ((c->w->flags & CB_WALK_SORT_INO) != 0)
		cb_dir_sort_ino(&dl);
	mark = c->pb.len;
	for (i = 0; i < dl.n && ret != CB_STOP; i++) {
		struct cb_node n = {
			.dirfd = dir->fd, .name = dl.v[i].name,
			.type = dl.v[i].type, .fd = -1, .ufd = -1,
			.depth = dir->depth + 1, .parent = dir,
		};

		if (path_push(&c->pb, n.name) < 0) {
			ret = CB_STOP;
			break;
		}
		n.path = c->pb.s;
		ret = walk_node(c, &n, (c->w->flags & CB_WALK_FOLLOW) != 0);
		/* The buffer may have moved: this directory's name with it. */
		c->pb.len = mark;
		c->pb.s[mark] = '\0';
		dir->path = c->pb.s;
	}
	cb_dir_free(&dl);
	return (ret);
}

/* Open the directory node names, and visit it and its entries. */
static int
walk_dir(struct walkctx *c, struct cb_node *n, bool follow)
{
	struct cb_walk *w = c->w;
	struct stat dst;
	int r, fl = O_RDONLY | O_DIRECTORY | O_CLOEXEC;

	if (!follow)
		fl |= O_NOFOLLOW;
	/* A root given as a descriptor may be O_PATH: open it for reading. */
	if ((n->fd = openat(n->dirfd, n->name == NULL ? "." : n->name,
	    fl)) < 0) {
		n->err = errno;
		n->dnr = true;
		return (w->visit(w, CB_ERR, n) == CB_STOP ? CB_STOP : 0);
	}
	if (n->st == NULL && (w->flags & (CB_WALK_XDEV | CB_WALK_FOLLOW)) != 0 &&
	    fstat(n->fd, &dst) == 0)
		n->st = &dst;
	if (n->st != NULL && n->depth == 0)
		w->rootdev = n->st->st_dev;
	if (n->st != NULL && (w->flags & CB_WALK_FOLLOW) != 0 &&
	    is_loop(n, n->st)) {
		n->err = ELOOP;
		r = w->visit(w, CB_ERR, n);
		goto done;
	}
	r = w->visit(w, CB_PRE, n);
	if (r == CB_CONTINUE && !((w->flags & CB_WALK_XDEV) != 0 &&
	    n->depth > 0 && n->st != NULL && n->st->st_dev != w->rootdev))
		r = walk_children(c, n);
	if (r != CB_STOP && r != CB_SKIP)
		r = w->visit(w, CB_POST, n);
done:
	(void)close(n->fd);
	n->fd = -1;
	return (r == CB_STOP ? CB_STOP : CB_CONTINUE);
}

static int
walk_node(struct walkctx *c, struct cb_node *n, bool follow)
{
	struct cb_walk *w = c->w;
	struct stat st;
	bool need = (w->flags & CB_WALK_STAT) != 0 || n->type == DT_UNKNOWN ||
	    (follow && n->type == DT_LNK);

	if (n->name == NULL)
		need = false;

	if (need && n->name != NULL) {
		/*
		 * A link that must be followed but leads out of the tree
		 * (ENOTCAPABLE) is an error; a dangling one is visited as
		 * the link it is.
		 */
		if (fstatat(n->dirfd, n->name, &st,
		    follow ? 0 : AT_SYMLINK_NOFOLLOW) < 0 &&
		    (!follow || errno == ENOTCAPABLE || fstatat(n->dirfd,
		    n->name, &st, AT_SYMLINK_NOFOLLOW) < 0)) {
			n->err = errno;
			n->type = DT_UNKNOWN;
			return (w->visit(w, CB_ERR, n) == CB_STOP ? CB_STOP :
			    CB_CONTINUE);
		}
		n->st = &st;
		n->type = cb_dt_of(st.st_mode);
	} else if (n->name == NULL) {
		/* A root given as a descriptor: whatever it is. */
		if (fstat(n->dirfd, &st) < 0) {
			n->err = errno;
			return (w->visit(w, CB_ERR, n) == CB_STOP ? CB_STOP :
			    CB_CONTINUE);
		}
		n->st = &st;
		n->type = cb_dt_of(st.st_mode);
	}
	if (n->type == DT_DIR)
		return (walk_dir(c, n, follow));
	return (w->visit(w, CB_LEAF, n) == CB_STOP ? CB_STOP : CB_CONTINUE);
}

int
cb_walk(struct cb_walk *w, int dirfd, const char *name, const char *path)
{
	struct walkctx c = { .w = w };
	struct cb_node root = {
		.dirfd = dirfd, .name = name, .fd = -1, .ufd = -1,
		.type = DT_UNKNOWN,
	};
	int r;

	if (path_push(&c.pb, path) < 0)
		return (CB_STOP);
	root.path = c.pb.s;
	r = walk_node(&c, &root,
	    (w->flags & (CB_WALK_FOLLOW | CB_WALK_FOLLOW_ROOT)) != 0);
	free(c.pb.s);
	return (r);
}
