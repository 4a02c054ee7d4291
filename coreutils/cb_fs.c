/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cb_fs.c - operands as (dirfd, name), copying, modes, sizes, names
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>

#include "capbox.h"
#include "cb_fs.h"

/* ---- operands ---- */

/* "/dev/fd/N": the descriptor N, never looked up. */
static int
fd_operand(const char *arg)
{
	return (cb_devfd(arg));
}

int
cb_fs_basefd(void)
{
	return (cb_base_fd());
}

bool
cb_fs_in_root(void)
{
	return (cb_base_in_root());
}

int
cb_open_operand(const char *arg, int flags, mode_t mode)
{
	int fd = fd_operand(arg);

	if (fd >= 0) {
		if (fcntl(fd, F_GETFD) < 0)
			return (-1);
		return (fcntl(fd, F_DUPFD_CLOEXEC, 0));
	}
	return (cb_openat_operand(arg, flags | O_CLOEXEC, mode));
}

int
cb_path_open_dir(struct cb_path *p, const char *arg, int dirflags)
{
	int fd = fd_operand(arg);

	memset(p, 0, sizeof(*p));
	p->arg = arg;
	p->name = NULL;
	if (fd >= 0) {
		if (fcntl(fd, F_GETFD) < 0) {
			p->err = errno;
			p->dirfd = -1;
			return (-1);
		}
		p->dirfd = fd;
		p->isfd = true;
		return (0);
	}
	if ((p->dirfd = cb_openat_operand(arg, dirflags, 0)) < 0) {
		p->err = errno;
		return (-1);
	}
	p->ownfd = true;
	return (0);
}

/* Is the last component one that names a directory, not an entry? */
static bool
is_dot_name(const char *s)
{
	return (strcmp(s, ".") == 0 || strcmp(s, "..") == 0);
}

/*
 * Split arg into p->buf (the parent, or NULL for a whole operand) and
 * p->name.  Returns false when the operand is a directory as a whole.
 */
static bool
split(struct cb_path *p, const char *arg)
{
	size_t len = strlen(arg);
	char *slash;

	memset(p, 0, sizeof(*p));
	p->arg = arg;
	p->dirfd = -1;
	if (fd_operand(arg) >= 0 || len == 0)
		return (false);
	while (len > 1 && arg[len - 1] == '/')
		len--;
	/* Room for "./" in front of a name without a parent. */
	if ((p->buf = malloc(len + 3)) == NULL)
		return (false);
	memcpy(p->buf + 2, arg, len);
	p->buf[len + 2] = '\0';
	slash = strrchr(p->buf + 2, '/');
	if (strcmp(p->buf + 2, "/") == 0 ||
	    is_dot_name(slash ? slash + 1 : p->buf + 2)) {
		free(p->buf);
		p->buf = NULL;
		return (false);
	}
	if (slash == NULL) {
		p->name = p->buf + 2;
		p->buf[0] = '.';
		p->buf[1] = '\0';
	} else if (slash == p->buf + 2) {
		p->name = slash + 1;
		p->buf[0] = '/';
		p->buf[1] = '\0';
	} else {
		p->name = slash + 1;
		*slash = '\0';
		memmove(p->buf, p->buf + 2, (size_t)(slash - p->buf));
	}
	return (true);
}

int
cb_path_open(struct cb_path *p, const char *arg, int dirflags)
{
	if (!split(p, arg))
		return (cb_path_open_dir(p, arg, dirflags));
	if ((p->dirfd = cb_openat_operand(p->buf, dirflags, 0)) < 0) {
		p->err = errno;
		return (-1);
	}
	p->ownfd = true;
	return (0);
}

/* Many operands: room for one descriptor per distinct parent. */
static void
raise_nofile(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		(void)setrlimit(RLIMIT_NOFILE, &rl);
	}
}

#define SHARE_SCAN	64

/* cb_path_follow for an operand whose parent others may share. */
static void
follow_shared(struct cb_path *p)
{
	bool own = p->ownfd;

	p->ownfd = false;	/* the parent stays open for the others */
	(void)cb_path_follow(p);
	if (p->name != NULL)
		p->ownfd = own;
}

int
cb_paths_open(struct cb_path *v, int n, char *const args[], int dirflags,
    const cap_rights_t *rights)
{
	int i, j, k;

	bool follow = (dirflags & CB_FOLLOW) != 0;

	dirflags &= ~CB_FOLLOW;
	if (n > 64)
		raise_nofile();
	for (i = 0; i < n; i++) {
		if (split(&v[i], args[i])) {
			/* rm dir/FILES...: every operand has the same parent. */
			for (j = i - 1, k = 0; j >= 0 && k < SHARE_SCAN; j--) {
				if (v[j].buf == NULL || v[j].dirfd < 0 ||
				    v[j].name == NULL)
					continue;
				k++;
				if (strcmp(v[j].buf, v[i].buf) == 0)
					break;
			}
			if (j >= 0 && k < SHARE_SCAN) {
				v[i].dirfd = v[j].dirfd;
				if (follow)
					follow_shared(&v[i]);
				if (v[i].name != NULL)
					continue;
			} else if ((v[i].dirfd = cb_openat_operand(v[i].buf,
			    dirflags, 0)) < 0) {
				v[i].err = errno;
				continue;
			} else {
				v[i].ownfd = true;
				if (follow)
					follow_shared(&v[i]);
			}
		} else if (cb_path_open_dir(&v[i], args[i], dirflags) < 0)
			continue;
		if (rights != NULL && cb_path_limit(&v[i], rights) < 0)
			return (-1);
	}
	return (0);
}

void
cb_paths_close(struct cb_path *v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		cb_path_close(&v[i]);
}

int
cb_path_follow(struct cb_path *p)
{
	struct stat st;
	int fd;

	if (p->dirfd < 0 || p->name == NULL ||
	    fstatat(p->dirfd, p->name, &st, AT_SYMLINK_NOFOLLOW) < 0 ||
	    !S_ISLNK(st.st_mode))
		return (0);
	if ((fd = cb_open_operand(p->arg, O_PATH, 0)) < 0)
		return (0);	/* dangling: the link itself is the operand */
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		int rfd = cb_open_operand(p->arg, O_RDONLY | O_NOCTTY, 0);

		if (rfd >= 0) {
			(void)close(fd);
			fd = rfd;
		}
	}
	if (p->ownfd)
		(void)close(p->dirfd);
	p->dirfd = fd;
	p->ownfd = true;
	p->name = NULL;
	return (0);
}

void
cb_path_close(struct cb_path *p)
{
	if (p->ownfd && p->dirfd >= 0)
		(void)close(p->dirfd);
	p->dirfd = -1;
	p->ownfd = false;
	free(p->buf);
	p->buf = NULL;
}

int
cb_path_limit(struct cb_path *p, const cap_rights_t *rights)
{
	if (p->dirfd < 0 || (!p->ownfd && !p->isfd))
		return (0);
	if (cap_rights_limit(p->dirfd, rights) < 0 && errno != ENOSYS)
		return (-1);
	return (0);
}

int
cb_path_stat(const struct cb_path *p, struct stat *st, int flags)
{
	if (p->dirfd < 0) {
		errno = p->err;
		return (-1);
	}
	if (p->name == NULL)
		return (fstat(p->dirfd, st));
	return (fstatat(p->dirfd, p->name, st, flags));
}

void
cb_rights_walk(cap_rights_t *r)
{
	cap_rights_init(r, CAP_LOOKUP, CAP_READ, CAP_FSTAT, CAP_FSTATAT,
	    CAP_FCNTL, CAP_SEEK);
}

static int
grow_buf(char **p, size_t *cap, size_t need)
{
	size_t ncap = *cap == 0 ? 256 : *cap;
	char *np;

	while (ncap < need)
		ncap *= 2;
	if (ncap == *cap)
		return (0);
	if ((np = realloc(*p, ncap)) == NULL)
		return (-1);
	*p = np;
	*cap = ncap;
	return (0);
}

/* ---- copying ---- */

int
cb_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return (-1);
		}
		if (n == 0) {
			errno = ENOSPC;
			return (-1);
		}
		p += n;
		len -= (size_t)n;
	}
	return (0);
}

#define COPY_BUF	(256 * 1024)

static int
copy_rw(int to, int from, bool *werr)
{
	char *buf;
	ssize_t n;
	int r = 0;

	if ((buf = malloc(COPY_BUF)) == NULL)
		return (-1);
	for (;;) {
		n = read(from, buf, COPY_BUF);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n < 0) {
				*werr = false;
				r = -1;
			}
			break;
		}
		if (cb_write_all(to, buf, (size_t)n) < 0) {
			*werr = true;
			r = -1;
			break;
		}
	}
	free(buf);
	return (r);
}

/*
 * copy_file_range lets the kernel copy (or share extents) without moving
 * the data through user space.  Errors that only mean "not here" fall back
 * to read/write, as long as nothing was copied yet.
 */
int
cb_copy_data(int to, int from, off_t size, bool *werr)
{
	bool any = false;
	ssize_t n;
	off_t done = 0;
	int saved = errno;

	for (;;) {
		n = copy_file_range(from, NULL, to, NULL, 1 << 30, 0);
		if (n > 0) {
			any = true;
			if ((done += n) == size)
				break;
			continue;
		}
		if (n == 0)
			break;
		if (errno == EINTR)
			continue;
		if (!any && (errno == EXDEV || errno == EINVAL ||
		    errno == ENOSYS || errno == EOPNOTSUPP || errno == EBADF ||
		    errno == EPERM || errno == ECAPMODE)) {
			errno = saved;
			return (copy_rw(to, from, werr));
		}
		*werr = errno == ENOSPC || errno == EDQUOT || errno == EFBIG;
		return (-1);
	}
	/* A file that reports size 0 may still have contents (/proc). */
	if (!any) {
		errno = saved;
		return (copy_rw(to, from, werr));
	}
	return (0);
}

/* ---- modes ---- */

#define ALLBITS	07777
#define UGO_R	(S_IRUSR | S_IRGRP | S_IROTH)
#define UGO_W	(S_IWUSR | S_IWGRP | S_IWOTH)
#define UGO_X	(S_IXUSR | S_IXGRP | S_IXOTH)

enum { MC_DONE, MC_ORDINARY, MC_COPY, MC_XIFX };

struct cb_modechange {
	char	op;
	char	flag;
	mode_t	affected;
	mode_t	value;
	mode_t	mentioned;
};

static struct cb_modechange *
mode_octal(const char *s)
{
	struct cb_modechange *c;
	unsigned long v = 0;
	const char *p;

	for (p = s; *p >= '0' && *p <= '7'; p++)
		if ((v = v * 8 + (unsigned long)(*p - '0')) > ALLBITS)
			break;
	if (*p != '\0' || v > ALLBITS) {
		errno = EINVAL;
		return (NULL);
	}
	if ((c = calloc(2, sizeof(*c))) == NULL)
		return (NULL);
	c[0].op = '=';
	c[0].flag = MC_ORDINARY;
	c[0].affected = ALLBITS;
	c[0].value = (mode_t)v;
	c[0].mentioned = p - s < 5 ?
	    (mode_t)((v & (S_ISUID | S_ISGID)) | S_ISVTX | 0777) : ALLBITS;
	c[1].flag = MC_DONE;
	return (c);
}

static mode_t
who_bits(char ch)
{
	switch (ch) {
	case 'u':
		return (S_ISUID | S_IRWXU);
	case 'g':
		return (S_ISGID | S_IRWXG);
	case 'o':
		return (S_ISVTX | S_IRWXO);
	case 'a':
		return (ALLBITS);
	default:
		return (0);
	}
}

/* Parse one "[rwxXst]*" or "[ugo]" after an operator. */
static const char *
mode_perms(const char *s, struct cb_modechange *c)
{
	c->flag = MC_COPY;
	switch (*s) {
	case 'u':
		c->value = S_IRWXU;
		return (s + 1);
	case 'g':
		c->value = S_IRWXG;
		return (s + 1);
	case 'o':
		c->value = S_IRWXO;
		return (s + 1);
	default:
		break;
	}
	c->flag = MC_ORDINARY;
	for (;; s++) {
		switch (*s) {
		case 'r':
			c->value |= UGO_R;
			break;
		case 'w':
			c->value |= UGO_W;
			break;
		case 'x':
			c->value |= UGO_X;
			break;
		case 'X':
			c->flag = MC_XIFX;
			break;
		case 's':
			c->value |= S_ISUID | S_ISGID;
			break;
		case 't':
			c->value |= S_ISVTX;
			break;
		default:
			return (s);
		}
	}
}

struct cb_modechange *
cb_mode_compile(const char *s)
{
	struct cb_modechange *v;
	size_t n = 0, max = strlen(s) + 2;
	mode_t affected;

	if (*s >= '0' && *s <= '7')
		return (mode_octal(s));
	if ((v = calloc(max, sizeof(*v))) == NULL)
		return (NULL);
	for (;;) {
		for (affected = 0; who_bits(*s) != 0; s++)
			affected |= who_bits(*s);
		if (*s != '=' && *s != '+' && *s != '-')
			goto bad;
		while (*s == '=' || *s == '+' || *s == '-') {
			struct cb_modechange *c = &v[n++];

			c->op = *s++;
			c->affected = affected;
			s = mode_perms(s, c);
			c->mentioned = affected != 0 ? affected & c->value :
			    c->value;
		}
		if (*s == '\0')
			break;
		if (*s++ != ',')
			goto bad;
	}
	v[n].flag = MC_DONE;
	return (v);
bad:
	free(v);
	errno = EINVAL;
	return (NULL);
}

static mode_t
change_value(const struct cb_modechange *c, mode_t newmode, bool isdir)
{
	mode_t value = c->value;

	if (c->flag == MC_COPY) {
		value &= newmode;
		value |= ((value & UGO_R) ? UGO_R : 0) |
		    ((value & UGO_W) ? UGO_W : 0) |
		    ((value & UGO_X) ? UGO_X : 0);
	} else if (c->flag == MC_XIFX && ((newmode & UGO_X) != 0 || isdir))
		value |= UGO_X;
	return (value);
}

mode_t
cb_mode_adjust(const struct cb_modechange *c, mode_t oldmode, bool isdir,
    mode_t umask_, mode_t *bits)
{
	mode_t newmode = oldmode & ALLBITS, modebits = 0;

	for (; c->flag != MC_DONE; c++) {
		mode_t omit = (isdir ? S_ISUID | S_ISGID : 0) & ~c->mentioned;
		mode_t value = change_value(c, newmode, isdir);

		value &= (c->affected != 0 ? c->affected : ~umask_) & ~omit;
		switch (c->op) {
		case '=': {
			mode_t keep = (c->affected != 0 ? ~c->affected : 0) |
			    omit;

			modebits |= ALLBITS & ~keep;
			newmode = (newmode & keep) | value;
			break;
		}
		case '+':
			modebits |= value;
			newmode |= value;
			break;
		default:
			modebits |= value;
			newmode &= ~value;
			break;
		}
	}
	if (bits != NULL)
		*bits = modebits;
	return (newmode);
}

void
cb_mode_string(mode_t m, char buf[11])
{
	static const char types[] = "?pc?d?b?-?l?s???";

	buf[0] = types[(m & S_IFMT) >> 12];
	buf[1] = (m & S_IRUSR) ? 'r' : '-';
	buf[2] = (m & S_IWUSR) ? 'w' : '-';
	buf[3] = (m & S_ISUID) ? ((m & S_IXUSR) ? 's' : 'S') :
	    ((m & S_IXUSR) ? 'x' : '-');
	buf[4] = (m & S_IRGRP) ? 'r' : '-';
	buf[5] = (m & S_IWGRP) ? 'w' : '-';
	buf[6] = (m & S_ISGID) ? ((m & S_IXGRP) ? 's' : 'S') :
	    ((m & S_IXGRP) ? 'x' : '-');
	buf[7] = (m & S_IROTH) ? 'r' : '-';
	buf[8] = (m & S_IWOTH) ? 'w' : '-';
	buf[9] = (m & S_ISVTX) ? ((m & S_IXOTH) ? 't' : 'T') :
	    ((m & S_IXOTH) ? 'x' : '-');
	buf[10] = '\0';
}

/* ---- sizes ---- */

/*
 * GNU's human_readable with autoscale and ceiling rounding: one decimal
 * below 10 ("4.0K"), none above ("12K"), and never rounded down.
 */
const char *
cb_human(uintmax_t n, int how, char buf[32])
{
	static const char units[] = "KMGTPEZYRQ";
	unsigned int base = how == CB_HUMAN_1000 ? 1000 : 1024;
	unsigned int tenths = 0, rounding = 0, r10, r2;
	int exp = 0;
	uintmax_t amt = n;

	if (amt < base) {
		(void)snprintf(buf, 32, "%ju", amt);
		return (buf);
	}
	do {
		r10 = (unsigned int)(amt % base) * 10 + tenths;
		r2 = (r10 % base) * 2 + (rounding >> 1);
		amt /= base;
		tenths = r10 / base;
		rounding = r2 < base ? (r2 != 0) : 2 + (base < r2);
		exp++;
	} while (amt >= base && exp < (int)sizeof(units) - 1);
	if (amt < 10) {
		if (rounding > 0) {
			tenths++;
			rounding = 0;
			if (tenths == 10) {
				amt++;
				tenths = 0;
			}
		}
		if (amt < 10) {
			(void)snprintf(buf, 32, "%ju.%u%c", amt, tenths,
			    how == CB_HUMAN_1000 && exp == 1 ? 'k' :
			    units[exp - 1]);
			return (buf);
		}
	}
	if (tenths + rounding > 0)
		amt++;
	if (amt == base && exp < (int)sizeof(units) - 1) {
		exp++;
		(void)snprintf(buf, 32, "1.0%c", units[exp - 1]);
		return (buf);
	}
	(void)snprintf(buf, 32, "%ju%c", amt,
	    how == CB_HUMAN_1000 && exp == 1 ? 'k' : units[exp - 1]);
	return (buf);
}

/* ---- user and group names ---- */

struct idname {
	unsigned int	id;
	char		*name;
};

static struct {
	struct idname	*u, *g;
	size_t		nu, ng;
	bool		cached;
} ids;

static int
cmp_id(const void *a, const void *b)
{
	unsigned int x = ((const struct idname *)a)->id;
	unsigned int y = ((const struct idname *)b)->id;

	return (x < y ? -1 : x > y);
}

static void
add_id(struct idname **v, size_t *n, unsigned int id, const char *name)
{
	struct idname *nv;
	char *s;

	if ((s = strdup(name)) == NULL)
		return;
	if ((nv = realloc(*v, (*n + 1) * sizeof(**v))) == NULL) {
		free(s);
		return;
	}
	*v = nv;
	nv[*n].id = id;
	nv[*n].name = s;
	(*n)++;
}

void
cb_ids_cache(void)
{
	struct passwd *pw;
	struct group *gr;

	if (ids.cached)
		return;
	ids.cached = true;
	setpwent();
	while ((pw = getpwent()) != NULL)
		add_id(&ids.u, &ids.nu, pw->pw_uid, pw->pw_name);
	endpwent();
	setgrent();
	while ((gr = getgrent()) != NULL)
		add_id(&ids.g, &ids.ng, gr->gr_gid, gr->gr_name);
	endgrent();
	/* The first entry of an id wins, as getpwuid(3) gives it. */
	if (ids.nu > 1)
		qsort(ids.u, ids.nu, sizeof(*ids.u), cmp_id);
	if (ids.ng > 1)
		qsort(ids.g, ids.ng, sizeof(*ids.g), cmp_id);
}

static const char *
find_id(const struct idname *v, size_t n, unsigned int id, char buf[24])
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n && v[lo].id == id)
		return (v[lo].name);
	(void)snprintf(buf, 24, "%u", id);
	return (buf);
}

const char *
cb_user_name(uid_t uid, char buf[24])
{
	return (find_id(ids.u, ids.nu, uid, buf));
}

const char *
cb_group_name(gid_t gid, char buf[24])
{
	return (find_id(ids.g, ids.ng, gid, buf));
}

void
cb_fs_stdio(char *const *ops, int n)
{
	int i, fd;

	for (i = 0; i < n; i++)
		if (strcmp(ops[i], "-") == 0 ||
		    ((fd = cb_devfd(ops[i])) >= 0 && fd <= STDERR_FILENO))
			return;
	cb_limit_stdio();
}

/* ---- messages ---- */

void
cb_target_not_dir(const char *target)
{
	int fd = cb_open_operand(target, O_PATH, 0);

	if (fd >= 0) {
		(void)close(fd);
		errno = ENOTDIR;
	}
	cb_err(1, "target %s", cb_quote(target));
}

static bool
needs_escape(const char *s)
{
	bool pr;

	while (*s != '\0') {
		s += cb_char_at(s, &pr);
		if (!pr)
			return (true);
	}
	return (false);
}

/*
 * May s, with a single quote in it, go in double quotes?  gnulib's rule:
 * only if nothing else in it would need quoting there.
 */
static bool
dq_safe(const char *s)
{
	const char *p;

	for (p = s; *p != '\0'; p++)
		if (strchr("!\"$&()*;<=>?[\\^`|{}", *p) != NULL ||
		    ((*p == '#' || *p == '~') && p != s))
			return (false);
	return (true);
}

/*
 * Control characters go in $'...' runs, one run for consecutive ones, as
 * GNU's shell-escape quoting writes them: 'a'$'\020\t''b'.  A character
 * takes at most 7 bytes ('$'\ooo opening a run).
 */
const char *
cb_quote_n(int slot, const char *s)
{
	static char *bufs[4];
	char *b, *p;
	size_t len = strlen(s), k;
	bool esc = false, pr;

	slot &= 3;
	free(bufs[slot]);
	if ((b = bufs[slot] = malloc(len * 7 + 3)) == NULL)
		return (s);
	p = b;
	if (!needs_escape(s) && strchr(s, '\'') == NULL) {
		*p++ = '\'';
		memcpy(p, s, len);
		p += len;
		*p++ = '\'';
	} else if (!needs_escape(s) && dq_safe(s)) {
		*p++ = '"';
		memcpy(p, s, len);
		p += len;
		*p++ = '"';
	} else {
		*p++ = '\'';
		while (*s != '\0') {
			unsigned char c = (unsigned char)*s;
			size_t n = cb_char_at(s, &pr);

			if (c == '\'') {
				p = stpcpy(p, "'\\''");
				esc = false;
			} else if (!pr) {
				/* Each byte of an unprintable character. */
				if (!esc)
					p = stpcpy(p, "'$'");
				esc = true;
				for (k = 0; k < n; k++)
					p = cb_escape_byte(p, (unsigned char)s[k]);
			} else {
				if (esc)
					p = stpcpy(p, "''");
				esc = false;
				memcpy(p, s, n);
				p += n;
			}
			s += n;
		}
		*p++ = '\'';
	}
	*p = '\0';
	return (b);
}

/*
 * GNU's quotef (shell-escape quoting, ':' quoted too) quotes a name with
 * a blank, a control character, one of !"$&'()*;<=>?[\^`| or ':', a #
 * or ~ in front, or that is a lone { or }.
 */
const char *
cb_quotef(const char *s)
{
	const char *p;

	if (*s == '\0' || *s == '#' || *s == '~' ||
	    ((*s == '{' || *s == '}') && s[1] == '\0'))
		return (cb_quote_n(3, s));
	for (p = s; *p != '\0'; p++)
		if (strchr(" !\"$&'()*;<=>?[\\^`|:", *p) != NULL)
			return (cb_quote_n(3, s));
	return (needs_escape(s) ? cb_quote_n(3, s) : s);
}

const char *
cb_quote(const char *s)
{
	return (cb_quote_n(0, s));
}

bool
cb_yes(void)
{
	int c, first;

	fflush(stdout);
	first = c = getchar();
	while (c != EOF && c != '\n')
		c = getchar();
	return (first == 'y' || first == 'Y');
}

/* ---- canonical names ---- */

struct sbuf {
	char	*s;
	size_t	len, cap;
};

static int
sb_put(struct sbuf *b, const char *s, size_t n)
{
	if (grow_buf(&b->s, &b->cap, b->len + n + 1) < 0)
		return (-1);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
	return (0);
}

/* Drop the last component of an absolute name ("/a/b" -> "/a"). */
static void
sb_up(struct sbuf *b)
{
	while (b->len > 1 && b->s[b->len - 1] != '/')
		b->len--;
	if (b->len > 1)
		b->len--;
	b->s[b->len] = '\0';
}

/* fstatat of an absolute name beneath rootfd. */
static int
root_stat(int rootfd, const char *abs, struct stat *st)
{
	return (fstatat(rootfd, abs[1] == '\0' ? "." : abs + 1, st,
	    AT_SYMLINK_NOFOLLOW));
}

/*
 * The work list is "todo": what remains of the path, with symlink texts
 * spliced in front of it.  "done" is the resolved absolute prefix.
 */
static char *
canon_walk(int rootfd, struct sbuf *done, char *todo, int how)
{
	struct stat st;
	char link[PATH_MAX + 1], *next, *p;
	int links = 0, mode = how & 3;
	size_t n, mark;
	ssize_t ll;

	for (p = todo; *p != '\0'; p = next) {
		while (*p == '/')
			p++;
		for (next = p; *next != '\0' && *next != '/'; next++)
			;
		n = (size_t)(next - p);
		if (n == 0 || (n == 1 && p[0] == '.'))
			continue;
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			sb_up(done);
			continue;
		}
		mark = done->len;
		if ((done->len > 1 && sb_put(done, "/", 1) < 0) ||
		    sb_put(done, p, n) < 0)
			return (NULL);
		if (root_stat(rootfd, done->s, &st) < 0) {
			bool last = next[strspn(next, "/")] == '\0';

			if (errno != ENOENT || mode == CB_CANON_EXISTING ||
			    (mode == CB_CANON_ALL_BUT_LAST && !last))
				return (NULL);
			continue;
		}
		if (S_ISLNK(st.st_mode) && (how & CB_CANON_NOLINKS) == 0) {
			if (++links > 40) {
				errno = ELOOP;
				return (NULL);
			}
			ll = readlinkat(rootfd, done->s + 1, link,
			    sizeof(link) - 1);
			if (ll < 0)
				return (NULL);
			link[ll] = '\0';
			/* New todo: link text, then the rest. */
			if ((p = malloc((size_t)ll + strlen(next) + 2)) == NULL)
				return (NULL);
			(void)sprintf(p, "%s%s", link, next);
			free(todo);
			todo = next = p;
			done->len = link[0] == '/' ? 1 : mark;
			done->s[done->len] = '\0';
			continue;
		}
		if (!S_ISDIR(st.st_mode) && next[strspn(next, "/")] != '\0' &&
		    mode != CB_CANON_MISSING) {
			errno = ENOTDIR;
			return (NULL);
		}
	}
	free(todo);
	return (done->s);
}

char *
cb_canon(int rootfd, const char *cwd, const char *path, int how)
{
	struct sbuf done = { NULL, 0, 0 };
	char *todo, *r;

	if (*path == '\0') {
		errno = ENOENT;
		return (NULL);
	}
	if ((todo = strdup(path)) == NULL ||
	    sb_put(&done, path[0] == '/' ? "/" : cwd,
	    path[0] == '/' ? 1 : strlen(cwd)) < 0) {
		free(todo);
		free(done.s);
		return (NULL);
	}
	if ((r = canon_walk(rootfd, &done, todo, how)) == NULL)
		free(done.s);
	return (r);
}

char *
cb_cwd_name(void)
{
	char buf[PATH_MAX + 1], proc[32];
	int base = cb_fs_basefd();
	ssize_t n;

	if (cb_fs_in_root())
		return (strdup("/"));
	if (base == AT_FDCWD)
		return (getcwd(NULL, 0));
	(void)snprintf(proc, sizeof(proc), "/proc/self/fd/%d", base);
	if ((n = readlink(proc, buf, sizeof(buf) - 1)) < 0)
		return (NULL);
	buf[n] = '\0';
	return (strdup(buf));
}
