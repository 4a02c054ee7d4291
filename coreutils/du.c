/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * du.c - estimate file space usage
 *
 * usage: du [-0abchHkLmsx] [-d N] [--apparent-size] [--si] [FILE]...
 *
 * Summarize device usage of the set of FILEs, recursively for directories.
 *
 *   -0, --null            end each output line with NUL, not newline
 *   -a, --all             write counts for all files, not just directories
 *       --apparent-size   print apparent sizes rather than device usage
 *   -b, --bytes           equivalent to '--apparent-size --block-size=1'
 *   -c, --total           produce a grand total
 *   -d, --max-depth=N     print the total for a directory (or file, with
 *                         --all) only if it is N or fewer levels below the
 *                         command line argument
 *   -D, --dereference-args  dereference only symlinks that are listed on
 *                         the command line
 *   -H                    equivalent to --dereference-args (-D)
 *   -h, --human-readable  print sizes in human readable format (e.g., 1K
 *                         234M 2G)
 *       --si              like -h, but use powers of 1000 not 1024
 *   -k                    like --block-size=1K
 *   -L, --dereference     dereference all symbolic links
 *   -m                    like --block-size=1M
 *   -P, --no-dereference  don't follow any symbolic links (this is the
 *                         default)
 *   -s, --summarize       display only a total for each argument
 *   -x, --one-file-system  skip directories on different file systems
 *
 * Not supported (an error, never ignored): -B, --block-size, -l,
 * --count-links, -S, --separate-dirs, -t, --threshold, -X, --exclude-from,
 * --exclude, --time, --inodes.
 *
 * Operands are opened before capability mode; the trees are then walked
 * beneath them with getdents64 and fstatat, never following a symbolic
 * link unless told to.  Hard links are counted once.
 */
#include <sys/stat.h>

#include "capbox.h"
#include "cb_fs.h"
#include "cb_walk.h"

APPLET(du, 1, 0)

static const char optstr[] = "0abcd:DHhkLmPsxB:lSt:X:";
enum { OPT_APPARENT = 256, OPT_SI, OPT_EXCLUDE, OPT_TIME, OPT_INODES };
static const struct option longopts[] = {
	{ "null", no_argument, NULL, '0' },
	{ "all", no_argument, NULL, 'a' },
	{ "apparent-size", no_argument, NULL, OPT_APPARENT },
	{ "bytes", no_argument, NULL, 'b' },
	{ "total", no_argument, NULL, 'c' },
	{ "max-depth", required_argument, NULL, 'd' },
	{ "dereference-args", no_argument, NULL, 'D' },
	{ "human-readable", no_argument, NULL, 'h' },
	{ "si", no_argument, NULL, OPT_SI },
	{ "dereference", no_argument, NULL, 'L' },
	{ "no-dereference", no_argument, NULL, 'P' },
	{ "summarize", no_argument, NULL, 's' },
	{ "one-file-system", no_argument, NULL, 'x' },
	{ "block-size", required_argument, NULL, 'B' },
	{ "count-links", no_argument, NULL, 'l' },
	{ "separate-dirs", no_argument, NULL, 'S' },
	{ "threshold", required_argument, NULL, 't' },
	{ "exclude-from", required_argument, NULL, 'X' },
	{ "exclude", required_argument, NULL, OPT_EXCLUDE },
	{ "time", optional_argument, NULL, OPT_TIME },
	{ "inodes", no_argument, NULL, OPT_INODES },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool		all, apparent, total, xdev;
	int		human;		/* 0, CB_HUMAN_1024, CB_HUMAN_1000 */
	int		follow;		/* 0, CB_WALK_FOLLOW, ..._ROOT */
	long		maxdepth;	/* -1: no limit */
	uintmax_t	unit;
	char		delim;
} opt = { .maxdepth = -1, .unit = 1024, .delim = '\n' };

/* (dev, ino) of files already counted. */
struct seen {
	struct { dev_t dev; ino_t ino; } *v;
	size_t	n, cap;
	bool	all;		/* track directories and single links too */
};

static bool
seen_add(struct seen *s, const struct stat *st)
{
	size_t i, h;

	if (s->n * 2 >= s->cap) {
		struct seen o = *s;

		s->cap = s->cap ? s->cap * 2 : 1024;
		s->n = 0;
		if ((s->v = calloc(s->cap, sizeof(*s->v))) == NULL)
			cb_err(1, "calloc");
		for (i = 0; i < o.cap; i++)
			if (o.v[i].ino != 0 || o.v[i].dev != 0)
				(void)seen_add(s, &(struct stat){
				    .st_dev = o.v[i].dev, .st_ino = o.v[i].ino });
		free(o.v);
	}
	h = (size_t)((st->st_ino ^ st->st_dev) * 2654435761u) % s->cap;
	for (i = 0; i < s->cap; i++) {
		size_t k = (h + i) % s->cap;

		if (s->v[k].ino == st->st_ino && s->v[k].dev == st->st_dev)
			return (false);
		if (s->v[k].ino == 0 && s->v[k].dev == 0) {
			s->v[k].dev = st->st_dev;
			s->v[k].ino = st->st_ino;
			s->n++;
			return (true);
		}
	}
	return (true);
}

struct ctx {
	struct seen	seen;
	uintmax_t	*sums;	/* bytes per depth of the current path */
	size_t		nsums;
	uintmax_t	total;
};

static uintmax_t
size_of(const struct stat *st)
{
	if (opt.apparent)
		return ((uintmax_t)(S_ISREG(st->st_mode) || S_ISLNK(st->st_mode) ||
		    S_ISDIR(st->st_mode) ? st->st_size : 0));
	return ((uintmax_t)st->st_blocks * 512);
}

static void
print(uintmax_t bytes, const char *path)
{
	char buf[32];

	if (opt.human != 0)
		fputs(cb_human(bytes, opt.human, buf), stdout);
	else
		printf("%ju", (bytes + opt.unit - 1) / opt.unit);
	printf("\t%s%c", path, opt.delim);
}

static uintmax_t *
slot(struct ctx *c, int depth)
{
	if ((size_t)depth >= c->nsums) {
		size_t n = (size_t)depth * 2 + 16;

		if ((c->sums = realloc(c->sums, n * sizeof(*c->sums))) == NULL)
			cb_err(1, "realloc");
		c->nsums = n;
	}
	return (&c->sums[depth]);
}

/* Count st (once); false if it was counted before. */
static bool
count(struct ctx *c, const struct stat *st)
{
	if (!c->seen.all && (S_ISDIR(st->st_mode) || st->st_nlink < 2))
		return (true);
	return (seen_add(&c->seen, st));
}

static void
add_up(struct ctx *c, int depth, uintmax_t bytes)
{
	if (depth > 0)
		*slot(c, depth - 1) += bytes;
	else
		c->total += bytes;
}

static bool
shown(int depth)
{
	return (opt.maxdepth < 0 || depth <= opt.maxdepth);
}

static int
visit(struct cb_walk *w, enum cb_visit v, struct cb_node *n)
{
	struct ctx *c = w->arg;
	uintmax_t b;

	switch (v) {
	case CB_PRE:
		if (n->st == NULL || !count(c, n->st))
			return (CB_SKIP);
		*slot(c, n->depth) = size_of(n->st);
		return (CB_CONTINUE);
	case CB_POST:
		b = *slot(c, n->depth);
		if (shown(n->depth))
			print(b, n->path);
		add_up(c, n->depth, b);
		return (CB_CONTINUE);
	case CB_LEAF:
		if (n->st == NULL || !count(c, n->st))
			return (CB_CONTINUE);
		b = size_of(n->st);
		if (n->depth == 0 || (opt.all && shown(n->depth)))
			print(b, n->path);
		add_up(c, n->depth, b);
		return (CB_CONTINUE);
	case CB_ERR:
		errno = n->err;
		if (n->type == DT_DIR && n->st != NULL)
			cb_warn("cannot read directory %s", cb_quote(n->path));
		else
			cb_warn("cannot access %s", cb_quote(n->path));
		w->rval = 1;
		if (n->type == DT_DIR && n->st != NULL && n->fd < 0) {
			/* Opening failed: the directory still takes room. */
			b = size_of(n->st);
			if (shown(n->depth))
				print(b, n->path);
			add_up(c, n->depth, b);
		}
		return (CB_CONTINUE);
	}
	return (CB_CONTINUE);
}

static void
parse(int argc, char *argv[])
{
	uintmax_t d;
	int c;
	bool bad = false;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case '0':
			opt.delim = '\0';
			break;
		case 'a':
			opt.all = true;
			break;
		case OPT_APPARENT:
			opt.apparent = true;
			break;
		case 'b':
			opt.apparent = true;
			opt.unit = 1;
			opt.human = 0;
			break;
		case 'c':
			opt.total = true;
			break;
		case 'd':
			/* GNU takes any uintmax_t: deeper than any tree. */
			if (cb_parse_uint(optarg, &d) < 0) {
				cb_warnx("invalid maximum depth %s",
				    cb_quote(optarg));
				cb_usage();
			}
			opt.maxdepth = d > LONG_MAX ? LONG_MAX : (long)d;
			break;
		case 'D':
		case 'H':
			opt.follow = CB_WALK_FOLLOW_ROOT;
			break;
		case 'h':
			opt.human = CB_HUMAN_1024;
			break;
		case OPT_SI:
			opt.human = CB_HUMAN_1000;
			break;
		case 'k':
			opt.unit = 1024;
			opt.human = 0;
			break;
		case 'L':
			opt.follow = CB_WALK_FOLLOW;
			break;
		case 'm':
			opt.unit = 1024 * 1024;
			opt.human = 0;
			break;
		case 'P':
			opt.follow = 0;
			break;
		case 's':
			opt.maxdepth = 0;
			break;
		case 'x':
			opt.xdev = true;
			break;
		case 'B':
			cb_unsupported("--block-size");
		case 'l':
			cb_unsupported("--count-links");
		case 'S':
			cb_unsupported("--separate-dirs");
		case 't':
			cb_unsupported("--threshold");
		case 'X':
			cb_unsupported("--exclude-from");
		case OPT_EXCLUDE:
			cb_unsupported("--exclude");
		case OPT_TIME:
			cb_unsupported("--time");
		case OPT_INODES:
			cb_unsupported("--inodes");
		default:
			/* As GNU's: every bad option is told, then the hint. */
			bad = true;
		}
	}
	if (bad)
		cb_usage();
}

int
du_main(int argc, char *argv[])
{
	static char dot[] = ".";
	char *none[] = { dot };
	struct ctx c;
	struct cb_path *ops;
	cap_rights_t r;
	char **names;
	int i, n, rval = 0;

	parse(argc, argv);
	cb_fs_stdio(argv + optind, argc - optind);
	names = argv + optind;
	if ((n = argc - optind) == 0) {
		names = none;
		n = 1;
	}
	memset(&c, 0, sizeof(c));
	c.seen.all = n > 1 || opt.follow == CB_WALK_FOLLOW;
	if ((ops = calloc((size_t)n, sizeof(*ops))) == NULL)
		cb_err(1, "calloc");
	cb_rights_walk(&r);
	if (cb_paths_open(ops, n, names, CB_DIR_PATH |
	    (opt.follow != 0 ? CB_FOLLOW : 0), &r) < 0)
		cb_err(1, "cap_rights_limit");
	cb_enter();
	for (i = 0; i < n; i++) {
		struct cb_walk w = { .visit = visit, .arg = &c,
		    .flags = CB_WALK_STAT | (unsigned)opt.follow };

		if (opt.xdev)
			w.flags |= CB_WALK_XDEV;
		/* GNU's fts refuses the empty name before looking it up. */
		if (ops[i].arg[0] == '\0') {
			cb_warnx("invalid zero-length file name");
			rval = 1;
			continue;
		}
		if (ops[i].dirfd < 0) {
			errno = ops[i].err;
			cb_warn("cannot access %s", cb_quote(ops[i].arg));
			rval = 1;
			continue;
		}
		(void)cb_walk(&w, ops[i].dirfd, ops[i].name, ops[i].arg);
		rval |= w.rval;
	}
	if (opt.total)
		print(c.total, "total");
	cb_paths_close(ops, n);
	free(ops);
	free(c.sums);
	free(c.seen.v);
	return (cb_finish(rval));
}
