/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * stat.c - display file status
 *
 * usage: stat [-Lt] [-c FORMAT] [--printf=FORMAT] FILE...
 *
 * Display file status.
 *
 *   -L, --dereference     follow links
 *   -c, --format=FORMAT   use the specified FORMAT instead of the default;
 *                         output a newline after each use of FORMAT
 *       --printf=FORMAT   like --format, but interpret backslash escapes,
 *                         and do not output a mandatory trailing newline
 *   -t, --terse           print the information in terse form
 *
 * Not supported (an error, never ignored): -f, --file-system, --cached.
 *
 * FORMAT sequences: %a access rights in octal, %A in human readable form,
 * %b blocks allocated, %B size of each block (512), %d device number in
 * decimal, %D in hex, %Hd major and %Ld minor device number, %f raw mode
 * in hex, %F file type, %g group ID, %G group name, %h hard links, %i inode
 * number, %n file name, %N quoted file name with dereference if symbolic
 * link, %o optimal I/O transfer size, %s total size in bytes, %t major and
 * %T minor device type in hex (for devices), %Hr major and %Lr minor
 * device type in decimal, %u user ID, %U user name, %w time of birth, human
 * readable (- if unknown), %W time of birth, seconds since Epoch (0 if
 * unknown), %x %X last access, %y %Y last modification, %z %Z last status
 * change (human readable, and seconds since Epoch), %% a percent sign.
 *
 * Each FILE's directory is opened before capability mode; the files are
 * then statted beneath it.
 */
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <time.h>

#include <capsicum_helpers.h>

#include "capbox.h"
#include "cb_fs.h"

APPLET(stat, 1, 0)

static const char optstr[] = "Lc:tf";
enum { OPT_PRINTF = 256, OPT_CACHED };
static const struct option longopts[] = {
	{ "dereference", no_argument, NULL, 'L' },
	{ "format", required_argument, NULL, 'c' },
	{ "printf", required_argument, NULL, OPT_PRINTF },
	{ "terse", no_argument, NULL, 't' },
	{ "file-system", no_argument, NULL, 'f' },
	{ "cached", required_argument, NULL, OPT_CACHED },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool		deref, terse, printf_;
	const char	*format;
} opt;

/* The kernel's struct statx, for the birth time (musl lacks statx(3)). */
struct kstatx {
	uint32_t	mask, blksize;
	uint64_t	attributes;
	uint32_t	nlink, uid, gid;
	uint16_t	mode, pad0;
	uint64_t	ino, size, blocks, attributes_mask;
	struct {
		int64_t		sec;
		uint32_t	nsec;
		int32_t		pad;
	}		atime, btime, ctime, mtime;
	uint32_t	rdev_major, rdev_minor, dev_major, dev_minor;
	uint64_t	spare[14];
};
#define KSTATX_BTIME	0x800U

struct obj {
	const char	*name;
	struct stat	st;
	struct timespec	birth;	/* tv_sec -1: unknown */
	char		*link;	/* %N of a symlink */
};

static void
get_birth(int dirfd, const char *name, struct obj *o)
{
	struct kstatx sx;
	int fl = name == NULL ? AT_EMPTY_PATH :
	    (opt.deref ? 0 : AT_SYMLINK_NOFOLLOW);

	o->birth.tv_sec = -1;
	memset(&sx, 0, sizeof(sx));
	/* Metadata only; name is beneath dirfd (the operand's resolution). */
	if (syscall(SYS_statx, dirfd, name == NULL ? "" : name, fl,
	    KSTATX_BTIME, &sx) == 0 && (sx.mask & KSTATX_BTIME) != 0) {
		o->birth.tv_sec = sx.btime.sec;
		o->birth.tv_nsec = sx.btime.nsec;
	}
}

static const char *
file_type(mode_t m, off_t size)
{
	switch (m & S_IFMT) {
	case S_IFREG:
		return (size == 0 ? "regular empty file" : "regular file");
	case S_IFDIR:
		return ("directory");
	case S_IFLNK:
		return ("symbolic link");
	case S_IFCHR:
		return ("character special file");
	case S_IFBLK:
		return ("block special file");
	case S_IFIFO:
		return ("fifo");
	case S_IFSOCK:
		return ("socket");
	default:
		return ("weird file");
	}
}

static void
human_time(const struct timespec *t, char *buf, size_t len)
{
	struct tm tm;
	char a[40], z[8];

	if (t->tv_sec == -1) {
		(void)snprintf(buf, len, "-");
		return;
	}
	if (localtime_r(&t->tv_sec, &tm) == NULL) {
		(void)snprintf(buf, len, "%jd", (intmax_t)t->tv_sec);
		return;
	}
	(void)strftime(a, sizeof(a), "%Y-%m-%d %H:%M:%S", &tm);
	(void)strftime(z, sizeof(z), "%z", &tm);
	(void)snprintf(buf, len, "%s.%09ld %s", a, t->tv_nsec, z);
}

/*
 * Print a string or a number with the user's flags, width and precision:
 * the printf format is built from a spec that format() has checked to hold
 * only flag characters, digits and one '.', so it is not user text.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
out_str(const char *spec, const char *s)
{
	char fmt[64];

	(void)snprintf(fmt, sizeof(fmt), "%%%ss", spec);
	printf(fmt, s);
}

static void
out_num(const char *spec, uintmax_t v, char conv)
{
	char fmt[64];

	(void)snprintf(fmt, sizeof(fmt), "%%%sj%c", spec, conv);
	printf(fmt, v);
}

/* Seconds, with precision as fractional digits ("%.3Y"). */
static void
out_secs(const char *spec, const struct timespec *t, bool unknown)
{
	const char *dot = strchr(spec, '.');
	char fmt[64], head[32];
	int prec = dot ? atoi(dot + 1) : 0;
	long ns;
	int i;

	if (unknown) {
		out_num(spec, 0, 'd');
		return;
	}
	if (dot == NULL) {
		(void)snprintf(fmt, sizeof(fmt), "%%%sjd", spec);
		printf(fmt, (intmax_t)t->tv_sec);
		return;
	}
	(void)snprintf(head, sizeof(head), "%.*s", (int)(dot - spec), spec);
	(void)snprintf(fmt, sizeof(fmt), "%%%sjd", head);
	printf(fmt, (intmax_t)t->tv_sec);
	if (prec > 9)
		prec = 9;
	if (prec == 0 && dot[1] == '\0')
		prec = 9;
	if (prec > 0) {
		for (ns = t->tv_nsec, i = prec; i < 9; i++)
			ns /= 10;
		printf(".%0*ld", prec, ns);
	}
}

#pragma GCC diagnostic pop

static void
quoted_name(struct obj *o, bool always)
{
	printf("%s", always ? cb_quote_n(1, o->name) : o->name);
	if (o->link != NULL)
		printf(" -> %s", always ? cb_quote_n(2, o->link) : o->link);
}

static void
conv(struct obj *o, const char *spec, const char **fp, bool dflt)
{
	const struct stat *st = &o->st;
	char buf[64], m[11], c = **fp;
	char ub[24];

	(*fp)++;
	switch (c) {
	case 'a':
		out_num(spec, st->st_mode & 07777, 'o');
		break;
	case 'A':
		cb_mode_string(st->st_mode, m);
		out_str(spec, m);
		break;
	case 'b':
		out_num(spec, (uintmax_t)st->st_blocks, 'u');
		break;
	case 'B':
		out_num(spec, 512, 'u');
		break;
	case 'd':
		out_num(spec, (uintmax_t)st->st_dev, 'u');
		break;
	case 'D':
		out_num(spec, (uintmax_t)st->st_dev, 'x');
		break;
	case 'f':
		out_num(spec, st->st_mode, 'x');
		break;
	case 'F':
		out_str(spec, file_type(st->st_mode, st->st_size));
		break;
	case 'g':
		out_num(spec, st->st_gid, 'u');
		break;
	case 'G':
		out_str(spec, cb_group_name(st->st_gid, ub));
		break;
	case 'h':
		out_num(spec, st->st_nlink, 'u');
		break;
	case 'i':
		out_num(spec, st->st_ino, 'u');
		break;
	case 'n':
		out_str(spec, o->name);
		break;
	case 'N':
		quoted_name(o, !dflt);
		break;
	case 'o':
		out_num(spec, (uintmax_t)st->st_blksize, 'u');
		break;
	case 's':
		out_num(spec, (uintmax_t)st->st_size, 'u');
		break;
	case 't':
		out_num(spec, major(st->st_rdev), 'x');
		break;
	case 'T':
		out_num(spec, minor(st->st_rdev), 'x');
		break;
	case 'u':
		out_num(spec, st->st_uid, 'u');
		break;
	case 'U':
		out_str(spec, cb_user_name(st->st_uid, ub));
		break;
	case 'w':
	case 'x':
	case 'y':
	case 'z':
		human_time(c == 'w' ? &o->birth : c == 'x' ? &st->st_atim :
		    c == 'y' ? &st->st_mtim : &st->st_ctim, buf, sizeof(buf));
		out_str(spec, buf);
		break;
	case 'W':
		out_secs(spec, &o->birth, o->birth.tv_sec == -1);
		break;
	case 'X':
		out_secs(spec, &st->st_atim, false);
		break;
	case 'Y':
		out_secs(spec, &st->st_mtim, false);
		break;
	case 'Z':
		out_secs(spec, &st->st_ctim, false);
		break;
	case 'H':
	case 'L':
		if (**fp == 'd' || **fp == 'r') {
			dev_t d = **fp == 'd' ? st->st_dev : st->st_rdev;

			out_num(spec, c == 'H' ? major(d) : minor(d), 'u');
			(*fp)++;
			break;
		}
		putchar('?');
		break;
	case '%':
		putchar('%');
		break;
	default:
		putchar('?');
		break;
	}
}

/* One backslash escape of --printf, advancing *fp. */
static void
escape(const char **fp)
{
	const char *f = *fp;
	unsigned int v = 0;
	int i;

	switch (*f) {
	case 'n': putchar('\n'); break;
	case 't': putchar('\t'); break;
	case 'a': putchar('\a'); break;
	case 'b': putchar('\b'); break;
	case 'f': putchar('\f'); break;
	case 'r': putchar('\r'); break;
	case 'v': putchar('\v'); break;
	case '\\': putchar('\\'); break;
	case '"': putchar('"'); break;
	case 'x':
		for (i = 0, f++; i < 2 && strchr("0123456789abcdefABCDEF", *f) &&
		    *f != '\0'; i++, f++)
			v = v * 16 + (unsigned)(*f <= '9' ? *f - '0' :
			    (*f | 0x20) - 'a' + 10);
		putchar((int)v);
		*fp = f;
		return;
	case '0': case '1': case '2': case '3':
	case '4': case '5': case '6': case '7':
		for (i = 0; i < 3 && *f >= '0' && *f <= '7'; i++, f++)
			v = v * 8 + (unsigned)(*f - '0');
		putchar((int)v);
		*fp = f;
		return;
	case '\0':
		putchar('\\');
		return;
	default:
		putchar('\\');
		putchar(*f);
		break;
	}
	*fp = f + 1;
}

static CB_NORETURN void
invalid_directive(const char *d, size_t len)
{
	char *s = strndup(d, len);

	cb_errx(1, "%s: invalid directive", cb_qc(0, s != NULL ? s : d));
}

static void
format(struct obj *o, const char *f, bool escapes, bool dflt)
{
	char spec[32];
	size_t n;

	while (*f != '\0') {
		if (*f == '\\' && escapes) {
			f++;
			escape(&f);
			continue;
		}
		if (*f != '%') {
			putchar(*f++);
			continue;
		}
		f++;
		n = strspn(f, "-+ #0'");
		n += strspn(f + n, "0123456789");
		if (f[n] == '.')
			n += 1 + strspn(f + n + 1, "0123456789");
		/* "%5" at the end, or "%5%": GNU refuses the directive. */
		if (n > 0 && (f[n] == '\0' || f[n] == '%'))
			invalid_directive(f - 1, n + 1 + (f[n] == '%'));
		if (n >= sizeof(spec) || f[n] == '\0') {
			putchar('%');
			continue;
		}
		memcpy(spec, f, n);
		spec[n] = '\0';
		f += n;
		conv(o, spec, &f, dflt);
	}
}

static const char *
default_format(const struct stat *st)
{
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
		return ("  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
		    "Device: %Hd,%Ld\tInode: %-11i Links: %-5h Device type: %Hr,%Lr\n"
		    "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
		    "Access: %x\nModify: %y\nChange: %z\n Birth: %w\n");
	return ("  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
	    "Device: %Hd,%Ld\tInode: %-11i Links: %h\n"
	    "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
	    "Access: %x\nModify: %y\nChange: %z\n Birth: %w\n");
}

static int
stat_op(struct cb_path *p)
{
	struct obj o = { .name = p->arg };
	char buf[PATH_MAX + 1];
	ssize_t n;
	int r;

	if (strcmp(p->arg, "-") == 0) {
		if ((r = fstat(STDIN_FILENO, &o.st)) == 0)
			get_birth(STDIN_FILENO, NULL, &o);
	} else if (p->dirfd < 0) {
		errno = p->err;
		r = -1;
	} else {
		r = cb_path_stat(p, &o.st, opt.deref ? 0 : AT_SYMLINK_NOFOLLOW);
		if (r == 0)
			get_birth(p->dirfd, p->name, &o);
	}
	if (r < 0) {
		cb_warn("cannot statx %s", cb_quote(p->arg));
		return (1);
	}
	if (S_ISLNK(o.st.st_mode) && p->name != NULL &&
	    (n = readlinkat(p->dirfd, p->name, buf, sizeof(buf) - 1)) >= 0) {
		buf[n] = '\0';
		o.link = buf;
	}
	if (opt.format != NULL) {
		format(&o, opt.format, opt.printf_, false);
		if (!opt.printf_)
			putchar('\n');
	} else if (opt.terse)
		format(&o, "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n",
		    false, false);
	else
		format(&o, default_format(&o.st), false, true);
	return (0);
}

int
stat_main(int argc, char *argv[])
{
	struct cb_path *ops;
	cap_rights_t r;
	int c, i, n, rval = 0;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'L':
			opt.deref = true;
			break;
		case 'c':
			opt.format = optarg;
			opt.printf_ = false;
			break;
		case OPT_PRINTF:
			opt.format = optarg;
			opt.printf_ = true;
			break;
		case 't':
			opt.terse = true;
			break;
		case 'f':
			cb_unsupported("--file-system");
		case OPT_CACHED:
			cb_unsupported("--cached");
		default:
			cb_usage();
		}
	}
	if ((n = argc - optind) == 0) {
		cb_warnx("missing operand");
		cb_usage();
	}
	cb_fs_stdio(argv + optind, argc - optind);
	caph_cache_tzdata();
	cb_ids_cache();
	if ((ops = calloc((size_t)n, sizeof(*ops))) == NULL)
		cb_err(1, "calloc");
	cap_rights_init(&r, CAP_LOOKUP, CAP_FSTAT, CAP_FSTATAT, CAP_FCNTL);
	if (cb_paths_open(ops, n, argv + optind, CB_DIR_PATH |
	    (opt.deref ? CB_FOLLOW : 0), &r) < 0)
		cb_err(1, "cap_rights_limit");
	cb_enter();
	for (i = 0; i < n; i++)
		rval |= stat_op(&ops[i]);
	cb_paths_close(ops, n);
	free(ops);
	return (cb_finish(rval));
}
