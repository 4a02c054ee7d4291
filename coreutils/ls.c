/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ls.c - list directory contents
 *
 * usage: ls [-1aAcdFghilnoprRsStuU] [--color=never] [--full-time] [FILE]...
 *
 * List information about the FILEs (the current directory by default).
 * Sort entries alphabetically unless -cStuU is given.  Output is one name
 * per line.
 *
 *   -a, --all                  do not ignore entries starting with .
 *   -A, --almost-all           do not list implied . and ..
 *   -c                         with -lt: sort by, and show, ctime; with -l:
 *                              show ctime and sort by name; otherwise: sort
 *                              by ctime, newest first
 *       --color[=WHEN]         only never (none, no) and auto (no terminal
 *                              colors are written)
 *   -d, --directory            list directories themselves, not their contents
 *   -F, --classify             append indicator (one of * / = @ |) to entries
 *       --full-time            like -l --time-style=full-iso
 *   -g                         like -l, but do not list owner
 *   -G, --no-group             in a long listing, don't print group names
 *   -h, --human-readable       with -l and -s, print sizes like 1K 234M 2G
 *   -i, --inode                print the index number of each file
 *   -l                         use a long listing format
 *   -n, --numeric-uid-gid      like -l, but list numeric user and group IDs
 *   -o                         like -l, but do not list group information
 *   -p                         append / indicator to directories
 *   -r, --reverse              reverse order while sorting
 *   -R, --recursive            list subdirectories recursively
 *   -s, --size                 print the allocated size of each file, in
 *                              blocks
 *   -S                         sort by file size, largest first
 *   -t                         sort by time, newest first
 *   -u                         with -lt: sort by, and show, access time;
 *                              with -l: show access time and sort by name;
 *                              otherwise: sort by access time, newest first
 *   -U                         do not sort; list entries in directory order
 *   -1                         list one file per line
 *   -N, --literal              print entry names without quoting (always)
 *       --time-style=STYLE     full-iso or locale
 *
 * Not supported (an error, never ignored): -C, -x, -m, -Q, --quote-name,
 * -b, --escape, -q, --hide-control-chars, -L, --dereference, -H,
 * --dereference-command-line, -Z, --context, --group-directories-first.
 *
 * Operands are opened before capability mode; directories are then read
 * with getdents64 and entries statted beneath their directory.  Symbolic
 * links are read, never followed out of a listed tree.
 */
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>

#include <capsicum_helpers.h>

#include "capbox.h"
#include "cb_fs.h"
#include "cb_walk.h"

APPLET(ls, 2, 0)

static const char optstr[] = "1aAcdFgGhilnopRrsStuUCxmQbNqLHZ";
enum { OPT_COLOR = 256, OPT_FULLTIME, OPT_TIMESTYLE, OPT_GDF };
static const struct option longopts[] = {
	{ "all", no_argument, NULL, 'a' },
	{ "almost-all", no_argument, NULL, 'A' },
	{ "color", optional_argument, NULL, OPT_COLOR },
	{ "directory", no_argument, NULL, 'd' },
	{ "classify", optional_argument, NULL, 'F' },
	{ "full-time", no_argument, NULL, OPT_FULLTIME },
	{ "no-group", no_argument, NULL, 'G' },
	{ "human-readable", no_argument, NULL, 'h' },
	{ "inode", no_argument, NULL, 'i' },
	{ "numeric-uid-gid", no_argument, NULL, 'n' },
	{ "reverse", no_argument, NULL, 'r' },
	{ "recursive", no_argument, NULL, 'R' },
	{ "size", no_argument, NULL, 's' },
	{ "time-style", required_argument, NULL, OPT_TIMESTYLE },
	{ "group-directories-first", no_argument, NULL, OPT_GDF },
	{ "dereference", no_argument, NULL, 'L' },
	{ "dereference-command-line", no_argument, NULL, 'H' },
	{ "context", no_argument, NULL, 'Z' },
	{ "literal", no_argument, NULL, 'N' },
	{ "quote-name", no_argument, NULL, 'Q' },
	{ "escape", no_argument, NULL, 'b' },
	{ "hide-control-chars", no_argument, NULL, 'q' },
	{ NULL, 0, NULL, 0 },
};

enum { SORT_NAME, SORT_SIZE, SORT_TIME, SORT_NONE };
enum { T_MTIME, T_CTIME, T_ATIME };

static struct {
	bool	all, almost, dirs, classify, slash, human, inode, numeric;
	bool	reverse, recursive, blocks, fulltime, lng, noowner, nogroup;
	int	sort, timekind;
	bool	tused;	/* -c/-u given */
	struct timespec	now;
} opt;

struct ent {
	char		*name;
	struct stat	st;
	bool		ok;	/* st is valid */
	unsigned char	type;
	ino_t		ino;
	char		*link;	/* -l: symlink target */
};

struct list {
	struct ent	*v;
	size_t		n, cap;
};

static int rval;

static void
trouble(int level)
{
	if (rval < level)
		rval = level;
}

static const struct timespec *
ent_time(const struct ent *e)
{
	if (opt.timekind == T_CTIME)
		return (&e->st.st_ctim);
	if (opt.timekind == T_ATIME)
		return (&e->st.st_atim);
	return (&e->st.st_mtim);
}

static int
cmp_ent(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;
	int r = 0;

	if (opt.sort == SORT_SIZE && x->st.st_size != y->st.st_size)
		r = x->st.st_size < y->st.st_size ? 1 : -1;
	else if (opt.sort == SORT_TIME) {
		const struct timespec *tx = ent_time(x), *ty = ent_time(y);

		if (tx->tv_sec != ty->tv_sec)
			r = tx->tv_sec < ty->tv_sec ? 1 : -1;
		else if (tx->tv_nsec != ty->tv_nsec)
			r = tx->tv_nsec < ty->tv_nsec ? 1 : -1;
	}
	if (r == 0)
		r = strcoll(x->name, y->name);
	return (opt.reverse ? -r : r);
}

static void
sort_list(struct list *l)
{
	if (opt.sort == SORT_NONE) {
		if (opt.reverse) {
			size_t i;

			for (i = 0; i < l->n / 2; i++) {
				struct ent t = l->v[i];

				l->v[i] = l->v[l->n - 1 - i];
				l->v[l->n - 1 - i] = t;
			}
		}
		return;
	}
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), cmp_ent);
}

static struct ent *
add(struct list *l, const char *name)
{
	struct ent *e;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		if ((e = realloc(l->v, l->cap * sizeof(*e))) == NULL)
			cb_err(2, "realloc");
		l->v = e;
	}
	e = &l->v[l->n++];
	memset(e, 0, sizeof(*e));
	if ((e->name = strdup(name)) == NULL)
		cb_err(2, "strdup");
	return (e);
}

static void
free_list(struct list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].link);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Does printing need each entry's inode data? */
static bool
need_stat(void)
{
	return (opt.lng || opt.blocks || opt.classify ||
	    opt.sort == SORT_SIZE || opt.sort == SORT_TIME);
}

/* ---- printing ---- */

struct widths {
	int	ino, blocks, nlink, owner, group, size, major, minor;
};

static const char *
num(uintmax_t n, char buf[32])
{
	(void)snprintf(buf, 32, "%ju", n);
	return (buf);
}

static const char *
size_str(const struct ent *e, char buf[32])
{
	if (opt.human)
		return (cb_human((uintmax_t)e->st.st_size, CB_HUMAN_1024, buf));
	return (num((uintmax_t)e->st.st_size, buf));
}

static const char *
blocks_str(const struct ent *e, char buf[32])
{
	uintmax_t b = (uintmax_t)e->st.st_blocks;

	if (opt.human)
		return (cb_human(b * 512, CB_HUMAN_1024, buf));
	return (num((b + 1) / 2, buf));
}

static const char *
owner(const struct ent *e, char buf[32])
{
	if (opt.numeric)
		return (num(e->st.st_uid, buf));
	return (cb_user_name(e->st.st_uid, buf));
}

static const char *
group(const struct ent *e, char buf[32])
{
	if (opt.numeric)
		return (num(e->st.st_gid, buf));
	return (cb_group_name(e->st.st_gid, buf));
}

static int
width(const char *s)
{
	return ((int)strlen(s));
}

#define MAXW(w, s) do { int w_ = width(s); if (w_ > (w)) (w) = w_; } while (0)

static void
measure(const struct list *l, struct widths *w)
{
	char b[32];
	size_t i;

	memset(w, 0, sizeof(*w));
	for (i = 0; i < l->n; i++) {
		const struct ent *e = &l->v[i];

		MAXW(w->ino, num(e->ok ? e->st.st_ino : e->ino, b));
		if (!e->ok)
			continue;
		MAXW(w->blocks, blocks_str(e, b));
		MAXW(w->nlink, num(e->st.st_nlink, b));
		MAXW(w->owner, owner(e, b));
		MAXW(w->group, group(e, b));
		if (S_ISCHR(e->st.st_mode) || S_ISBLK(e->st.st_mode)) {
			MAXW(w->major, num(major(e->st.st_rdev), b));
			MAXW(w->minor, num(minor(e->st.st_rdev), b));
		} else
			MAXW(w->size, size_str(e, b));
	}
	if (w->major > 0 && w->major + 2 + w->minor > w->size)
		w->size = w->major + 2 + w->minor;
}

static void
print_time(const struct ent *e)
{
	const struct timespec *t = ent_time(e);
	struct tm tm;
	char buf[64], zone[16];
	time_t six = opt.now.tv_sec - 31556952 / 2;

	if (localtime_r(&t->tv_sec, &tm) == NULL) {
		printf("%jd ", (intmax_t)t->tv_sec);
		return;
	}
	if (opt.fulltime) {
		(void)strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
		(void)strftime(zone, sizeof(zone), "%z", &tm);
		printf("%s.%09ld %s ", buf, t->tv_nsec, zone);
		return;
	}
	if (t->tv_sec > six && (t->tv_sec < opt.now.tv_sec ||
	    (t->tv_sec == opt.now.tv_sec && t->tv_nsec <= opt.now.tv_nsec)))
		(void)strftime(buf, sizeof(buf), "%b %e %H:%M", &tm);
	else
		(void)strftime(buf, sizeof(buf), "%b %e  %Y", &tm);
	printf("%s ", buf);
}

static char
indicator(const struct ent *e)
{
	mode_t m = e->ok ? e->st.st_mode : DTTOIF(e->type);

	if (S_ISDIR(m))
		return ('/');
	if (!opt.classify)
		return ('\0');
	if (S_ISLNK(m))
		return (opt.lng ? '\0' : '@');
	if (S_ISFIFO(m))
		return ('|');
	if (S_ISSOCK(m))
		return ('=');
	if (S_ISREG(m) && (m & 0111) != 0)
		return ('*');
	return ('\0');
}

static void
print_long(const struct ent *e, const struct widths *w)
{
	char b[32], mode[11];

	cb_mode_string(e->st.st_mode, mode);
	printf("%s %*ju ", mode, w->nlink, (uintmax_t)e->st.st_nlink);
	if (!opt.noowner)
		printf("%-*s ", w->owner, owner(e, b));
	if (!opt.nogroup)
		printf("%-*s ", w->group, group(e, b));
	if (S_ISCHR(e->st.st_mode) || S_ISBLK(e->st.st_mode))
		printf("%*u, %*u ", w->size - 2 - w->minor,
		    major(e->st.st_rdev), w->minor, minor(e->st.st_rdev));
	else
		printf("%*s ", w->size, size_str(e, b));
	print_time(e);
}

static void
print_ent(const struct ent *e, const struct widths *w)
{
	char b[32], ind;

	if (opt.inode)
		printf("%*ju ", w->ino, (uintmax_t)(e->ok ? e->st.st_ino :
		    e->ino));
	if (opt.blocks)
		printf("%*s ", w->blocks, e->ok ? blocks_str(e, b) : "?");
	if (opt.lng) {
		if (e->ok)
			print_long(e, w);
		else
			printf("l????????? ? ? ? ? ? ");
	}
	fputs(e->name, stdout);
	if (opt.lng && e->link != NULL)
		printf(" -> %s", e->link);
	if ((opt.classify || opt.slash) && (ind = indicator(e)) != '\0')
		putchar(ind);
	putchar('\n');
}

static void
print_list(const struct list *l, bool total)
{
	struct widths w;
	uintmax_t sum = 0;
	size_t i;
	char b[32];

	measure(l, &w);
	if (total && (opt.lng || opt.blocks)) {
		for (i = 0; i < l->n; i++)
			if (l->v[i].ok)
				sum += (uintmax_t)l->v[i].st.st_blocks;
		printf("total %s\n", opt.human ? cb_human(sum * 512,
		    CB_HUMAN_1024, b) : num((sum + 1) / 2, b));
	}
	for (i = 0; i < l->n; i++)
		print_ent(&l->v[i], &w);
}

/* ---- reading ---- */

/* Fill in e from (dirfd, name): stat and, for -l, the link's text. */
static void
fill(int dirfd, const char *name, struct ent *e, const char *path)
{
	char buf[PATH_MAX + 1];
	ssize_t n;

	if (fstatat(dirfd, name, &e->st, AT_SYMLINK_NOFOLLOW) < 0) {
		cb_warn("cannot access %s", cb_quote(path));
		trouble(1);
		return;
	}
	e->ok = true;
	e->type = cb_dt_of(e->st.st_mode);
	if (opt.lng && S_ISLNK(e->st.st_mode)) {
		if ((n = readlinkat(dirfd, name, buf, sizeof(buf) - 1)) < 0) {
			cb_warn("cannot read symbolic link %s", cb_quote(path));
			trouble(1);
		} else {
			buf[n] = '\0';
			e->link = strdup(buf);
		}
	}
}

static char *
join(const char *dir, const char *name)
{
	size_t dl = strlen(dir);
	char *s;

	if (asprintf(&s, "%s%s%s", dir, dl > 0 && dir[dl - 1] == '/' ? "" :
	    "/", name) < 0)
		cb_err(2, "asprintf");
	return (s);
}

static void	list_dir(int fd, const char *path, const struct stat *dotdot,
		    const struct stat *self, bool header, bool *first);

/* Read directory fd into l. */
static void
read_dir(int fd, const char *path, struct list *l, const struct stat *self,
    const struct stat *dotdot)
{
	struct cb_dirlist dl;
	size_t i;
	int r;
	char *p;

	memset(&dl, 0, sizeof(dl));
	if ((r = cb_dir_read(fd, &dl)) < 0) {
		errno = -r;
		cb_warn("reading directory %s", cb_quote(path));
		trouble(1);
	}
	/*
	 * A directory removed while open has no entries left, not even
	 * "." and "..": the kernel reads none, GNU's ls shows none.
	 */
	if (opt.all && self->st_nlink > 0) {
		struct ent *e = add(l, ".");

		e->st = *self;
		e->ok = true;
		e->type = DT_DIR;
		e = add(l, "..");
		if (dotdot != NULL) {
			e->st = *dotdot;
			e->ok = true;
		}
		e->type = DT_DIR;
	}
	for (i = 0; i < dl.n; i++) {
		struct ent *e;

		if (dl.v[i].name[0] == '.' && !opt.all && !opt.almost)
			continue;
		e = add(l, dl.v[i].name);
		e->type = dl.v[i].type;
		e->ino = dl.v[i].ino;
		if (need_stat() || e->type == DT_UNKNOWN ||
		    (opt.recursive && e->type == DT_DIR)) {
			p = join(path, e->name);
			fill(fd, e->name, e, p);
			free(p);
		}
	}
	cb_dir_free(&dl);
}

static void
recurse(int fd, const char *path, const struct list *l,
    const struct stat *parent, bool *first)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct ent *e = &l->v[i];
		char *p;
		int sub;

		if (e->type != DT_DIR || strcmp(e->name, ".") == 0 ||
		    strcmp(e->name, "..") == 0)
			continue;
		p = join(path, e->name);
		sub = openat(fd, e->name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		if (sub < 0) {
			cb_warn("cannot open directory %s", cb_quote(p));
			trouble(1);
		} else {
			struct stat self;

			if (e->ok)
				self = e->st;
			else if (fstat(sub, &self) < 0)
				memset(&self, 0, sizeof(self));
			list_dir(sub, p, parent, &self, true, first);
			(void)close(sub);
		}
		free(p);
	}
}

static void
list_dir(int fd, const char *path, const struct stat *dotdot,
    const struct stat *self, bool header, bool *first)
{
	struct list l = { NULL, 0, 0 };

	read_dir(fd, path, &l, self, dotdot);
	sort_list(&l);
	if (!*first)
		putchar('\n');
	*first = false;
	if (header)
		printf("%s:\n", path);
	print_list(&l, true);
	if (opt.recursive) {
		/* ".." of an entry is this directory. */
		recurse(fd, path, &l, self, first);
	}
	free_list(&l);
}

/* ---- operands ---- */

struct operand {
	struct cb_path	p;
	struct stat	st, dotdot;
	bool		ok, isdir, hasdotdot;
	int		fd;	/* directories: open for reading */
	char		*link;
};

/* Before capability mode: stat the operand, open a directory to list. */
static void
prepare(struct operand *o, const char *arg, bool follow_dirs)
{
	struct stat lst;

	o->fd = -1;
	if (cb_path_open(&o->p, arg, CB_DIR_PATH) < 0 ||
	    cb_path_stat(&o->p, &lst, AT_SYMLINK_NOFOLLOW) < 0) {
		if (o->p.dirfd < 0)
			errno = o->p.err;
		cb_warn("cannot access %s", cb_quote(arg));
		trouble(2);
		return;
	}
	o->ok = true;
	o->st = lst;
	if (S_ISLNK(lst.st_mode) && follow_dirs &&
	    cb_path_stat(&o->p, &o->st, 0) == 0 && !S_ISDIR(o->st.st_mode))
		o->st = lst;
	o->isdir = S_ISDIR(o->st.st_mode) && !opt.dirs;
	if (o->isdir) {
		o->fd = o->p.name == NULL ? openat(o->p.dirfd, ".", CB_DIR_READ) :
		    openat(o->p.dirfd, o->p.name, CB_DIR_READ);
		if (o->fd < 0) {
			cb_warn("cannot open directory %s", cb_quote(arg));
			trouble(2);
			o->ok = false;
			return;
		}
		o->hasdotdot = opt.all && fstatat(o->fd, "..", &o->dotdot,
		    0) == 0;
	} else if (opt.lng && S_ISLNK(o->st.st_mode)) {
		char buf[PATH_MAX + 1];
		ssize_t n = o->p.name == NULL ? -1 :
		    readlinkat(o->p.dirfd, o->p.name, buf, sizeof(buf) - 1);

		if (n >= 0) {
			buf[n] = '\0';
			o->link = strdup(buf);
		}
	}
}

static void
parse(int argc, char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case '1':
			break;
		case 'a':
			opt.all = true;
			opt.almost = false;
			break;
		case 'A':
			opt.almost = true;
			opt.all = false;
			break;
		case 'c':
			opt.timekind = T_CTIME;
			opt.tused = true;
			break;
		case 'u':
			opt.timekind = T_ATIME;
			opt.tused = true;
			break;
		case 'd':
			opt.dirs = true;
			break;
		case 'F':
			if (optarg != NULL && strcmp(optarg, "always") != 0 &&
			    strcmp(optarg, "yes") != 0 &&
			    strcmp(optarg, "force") != 0)
				cb_unsupported("--classify");
			opt.classify = true;
			break;
		case 'p':
			opt.slash = true;
			break;
		case OPT_FULLTIME:
			opt.fulltime = opt.lng = true;
			break;
		case 'g':
			opt.noowner = opt.lng = true;
			break;
		case 'G':
			opt.nogroup = true;
			break;
		case 'o':
			opt.nogroup = opt.lng = true;
			break;
		case 'h':
			opt.human = true;
			break;
		case 'i':
			opt.inode = true;
			break;
		case 'l':
			opt.lng = true;
			break;
		case 'n':
			opt.numeric = opt.lng = true;
			break;
		case 'r':
			opt.reverse = true;
			break;
		case 'R':
			opt.recursive = true;
			break;
		case 's':
			opt.blocks = true;
			break;
		case 'S':
			opt.sort = SORT_SIZE;
			break;
		case 't':
			opt.sort = SORT_TIME;
			break;
		case 'U':
			opt.sort = SORT_NONE;
			break;
		case OPT_COLOR:
			if (optarg != NULL && strcmp(optarg, "never") != 0 &&
			    strcmp(optarg, "no") != 0 &&
			    strcmp(optarg, "none") != 0 &&
			    strcmp(optarg, "auto") != 0 &&
			    strcmp(optarg, "tty") != 0 &&
			    strcmp(optarg, "if-tty") != 0)
				cb_unsupported("--color");
			break;
		case OPT_TIMESTYLE:
			if (strcmp(optarg, "full-iso") == 0)
				opt.fulltime = true;
			else if (strcmp(optarg, "locale") != 0)
				cb_unsupported("--time-style");
			break;
		case OPT_GDF:
			cb_unsupported("--group-directories-first");
		case 'C':
			cb_unsupported("-C");
		case 'x':
			cb_unsupported("-x");
		case 'm':
			cb_unsupported("-m");
		case 'Q':
			cb_unsupported("--quote-name");
		case 'b':
			cb_unsupported("--escape");
		case 'q':
			cb_unsupported("--hide-control-chars");
		case 'N':
			break;	/* names are printed as they are */
		case 'L':
			cb_unsupported("--dereference");
		case 'H':
			cb_unsupported("--dereference-command-line");
		case 'Z':
			cb_unsupported("--context");
		default:
			cb_usage();
		}
	}
	/* -c/-u sort by that time unless the listing is long (and not -t). */
	if (opt.tused && !opt.lng && opt.sort == SORT_NAME)
		opt.sort = SORT_TIME;
}

static void
limit_operands(struct operand *ops, int n)
{
	cap_rights_t r;
	int i;

	cb_rights_walk(&r);
	for (i = 0; i < n; i++) {
		if (ops[i].p.ownfd || ops[i].p.isfd)
			(void)cb_path_limit(&ops[i].p, &r);
		if (ops[i].fd >= 0 && cap_rights_limit(ops[i].fd, &r) < 0)
			cb_err(2, "cap_rights_limit");
	}
}

/* Operands that are not listed as directories, as one listing. */
static void
list_files(struct operand *ops, int n, bool *first)
{
	struct list l = { NULL, 0, 0 };
	int i;

	for (i = 0; i < n; i++) {
		struct ent *e;

		if (!ops[i].ok || ops[i].isdir)
			continue;
		e = add(&l, ops[i].p.arg);
		e->st = ops[i].st;
		e->ok = true;
		e->type = cb_dt_of(e->st.st_mode);
		e->link = ops[i].link;
		ops[i].link = NULL;
	}
	if (l.n == 0)
		return;
	sort_list(&l);
	print_list(&l, false);
	*first = false;
	free_list(&l);
}

static int
cmp_dirop(const void *a, const void *b)
{
	const struct operand *x = a, *y = b;
	struct ent ex = { .name = (char *)x->p.arg, .st = x->st };
	struct ent ey = { .name = (char *)y->p.arg, .st = y->st };

	return (cmp_ent(&ex, &ey));
}

int
ls_main(int argc, char *argv[])
{
	static char dot[] = ".";
	char *none[] = { dot };
	struct operand *ops;
	char **names;
	bool first = true, headers;
	int i, n;

	parse(argc, argv);
	cb_fs_stdio(argv + optind, argc - optind);
	names = argv + optind;
	if ((n = argc - optind) == 0) {
		names = none;
		n = 1;
	}
	caph_cache_tzdata();
	if (opt.lng && !opt.numeric)
		cb_ids_cache();
	if ((ops = calloc((size_t)n, sizeof(*ops))) == NULL)
		cb_err(2, "calloc");
	for (i = 0; i < n; i++)
		prepare(&ops[i], names[i], !(opt.dirs || opt.classify ||
		    opt.lng));
	limit_operands(ops, n);
	cb_enter();
	(void)clock_gettime(CLOCK_REALTIME, &opt.now);
	list_files(ops, n, &first);
	if (opt.sort != SORT_NONE)
		qsort(ops, (size_t)n, sizeof(*ops), cmp_dirop);
	headers = n > 1 || opt.recursive;
	for (i = 0; i < n; i++) {
		if (!ops[i].ok || !ops[i].isdir)
			continue;
		list_dir(ops[i].fd, ops[i].p.arg, ops[i].hasdotdot ?
		    &ops[i].dotdot : NULL, &ops[i].st, headers, &first);
		(void)close(ops[i].fd);
	}
	for (i = 0; i < n; i++) {
		cb_path_close(&ops[i].p);
		free(ops[i].link);
	}
	free(ops);
	return (cb_finish(rval));
}
