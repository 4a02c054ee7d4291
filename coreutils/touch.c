/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * touch.c - change file timestamps
 *
 * usage: touch [-acmh] [-d DATE] [-r FILE] [-t STAMP] FILE...
 *
 * Update the access and modification times of each FILE to the current
 * time.  A FILE argument that does not exist is created empty, unless -c
 * is supplied.  A FILE argument string of - is handled specially and
 * causes touch to change the times of the file associated with standard
 * output.
 *
 *   -a                    change only the access time
 *   -c, --no-create       do not create any files
 *   -d, --date=STRING     parse STRING and use it instead of current time
 *                         (@SECONDS, YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS[.N]],
 *                         optionally followed by Z or UTC, or now)
 *   -h, --no-dereference  affect each symbolic link instead of any
 *                         referenced file
 *   -m                    change only the modification time
 *   -r, --reference=FILE  use this file's times instead of current time
 *   -f                    (ignored, as GNU does)
 *   -t STAMP              use [[CC]YY]MMDDhhmm[.ss] instead of current time
 *       --time=WORD       change the specified time: WORD is access, atime,
 *                         or use: equivalent to -a; WORD is modify or mtime:
 *                         equivalent to -m
 *
 * Each FILE's parent directory is opened before capability mode; the file
 * is then created or opened with openat beneath it.
 */
#include <sys/stat.h>
#include <time.h>

#include <capsicum_helpers.h>

#include "capbox.h"
#include "cb_fs.h"

APPLET(touch, 1, 0)

static const char optstr[] = "acd:fhmr:t:";
enum { OPT_TIME = 256 };
static const struct option longopts[] = {
	{ "no-create", no_argument, NULL, 'c' },
	{ "date", required_argument, NULL, 'd' },
	{ "no-dereference", no_argument, NULL, 'h' },
	{ "reference", required_argument, NULL, 'r' },
	{ "time", required_argument, NULL, OPT_TIME },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool		nocreate, nofollow, atime, mtime, given;
	const char	*date, *ref, *stamp;
	struct timespec	ts[2];
} opt;

/* Digits s[0..n-1] as a number, or -1. */
static long
num(const char *s, int n)
{
	long v = 0;
	int i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return (-1);
		v = v * 10 + (s[i] - '0');
	}
	return (v);
}

static bool
make_time(struct tm *tm, bool utc, long nsec, struct timespec *ts)
{
	time_t t;

	tm->tm_isdst = -1;
	t = utc ? timegm(tm) : mktime(tm);
	if (t == (time_t)-1 && !(tm->tm_year == 69 && tm->tm_mon == 11))
		return (false);
	ts->tv_sec = t;
	ts->tv_nsec = nsec;
	return (true);
}

/* "[.N]" nanoseconds, advancing *sp. */
static long
frac(const char **sp)
{
	const char *s = *sp;
	long ns = 0;
	int i;

	if (*s != '.' && *s != ',')
		return (0);
	for (s++, i = 0; *s >= '0' && *s <= '9'; s++, i++)
		if (i < 9)
			ns = ns * 10 + (*s - '0');
	for (; i < 9; i++)
		ns *= 10;
	*sp = s;
	return (ns);
}

/* The forms of -d that scripts use; anything else is refused. */
static bool
parse_date(const char *s, struct timespec *ts)
{
	struct tm tm;
	char *end;
	long ns;
	bool utc = false;

	if (strcmp(s, "now") == 0)
		return (clock_gettime(CLOCK_REALTIME, ts) == 0);
	if (s[0] == '@') {
		errno = 0;
		ts->tv_sec = strtoll(s + 1, &end, 10);
		s = end;
		ts->tv_nsec = frac(&s);
		return (errno == 0 && end != NULL && *s == '\0');
	}
	memset(&tm, 0, sizeof(tm));
	if (strlen(s) < 10 || s[4] != '-' || s[7] != '-' ||
	    (tm.tm_year = (int)num(s, 4) - 1900) < -1900 ||
	    (tm.tm_mon = (int)num(s + 5, 2) - 1) < 0 ||
	    (tm.tm_mday = (int)num(s + 8, 2)) < 1)
		return (false);
	s += 10;
	if (*s == ' ' || *s == 'T') {
		if (strlen(s + 1) < 5 || s[3] != ':' ||
		    (tm.tm_hour = (int)num(s + 1, 2)) < 0 ||
		    (tm.tm_min = (int)num(s + 4, 2)) < 0)
			return (false);
		s += 6;
		if (*s == ':') {
			if ((tm.tm_sec = (int)num(s + 1, 2)) < 0)
				return (false);
			s += 3;
		}
	}
	ns = frac(&s);
	if (strcmp(s, "Z") == 0 || strcmp(s, " UTC") == 0 ||
	    strcmp(s, " Z") == 0)
		utc = true;
	else if (*s != '\0')
		return (false);
	if (tm.tm_mon > 11 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
	    tm.tm_min > 59 || tm.tm_sec > 60)
		return (false);
	return (make_time(&tm, utc, ns, ts));
}

/* -t [[CC]YY]MMDDhhmm[.ss] */
static bool
parse_stamp(const char *s, struct timespec *ts)
{
	const char *dot = strchr(s, '.');
	size_t len = dot ? (size_t)(dot - s) : strlen(s);
	struct tm tm;
	time_t now = time(NULL);
	struct tm *lt = localtime(&now);
	long y;

	memset(&tm, 0, sizeof(tm));
	if (lt == NULL || (len != 8 && len != 10 && len != 12))
		return (false);
	tm.tm_year = lt->tm_year;
	if (len == 12) {
		if ((y = num(s, 4)) < 0)
			return (false);
		tm.tm_year = (int)y - 1900;
		s += 4;
	} else if (len == 10) {
		if ((y = num(s, 2)) < 0)
			return (false);
		tm.tm_year = (int)(y < 69 ? y + 100 : y);
		s += 2;
	}
	if ((tm.tm_mon = (int)num(s, 2) - 1) < 0 || tm.tm_mon > 11 ||
	    (tm.tm_mday = (int)num(s + 2, 2)) < 1 || tm.tm_mday > 31 ||
	    (tm.tm_hour = (int)num(s + 4, 2)) < 0 || tm.tm_hour > 23 ||
	    (tm.tm_min = (int)num(s + 6, 2)) < 0 || tm.tm_min > 59)
		return (false);
	if (dot != NULL && (strlen(dot) != 3 ||
	    (tm.tm_sec = (int)num(dot + 1, 2)) < 0 || tm.tm_sec > 60))
		return (false);
	return (make_time(&tm, false, 0, ts));
}

/* --time=WORD, in GNU's order. */
static const char *const time_words[] = { "atime", "access", "use", "mtime",
    "modify", NULL };
static const int time_vals[] = { 'a', 'a', 'a', 'm', 'm' };

static void
parse(int argc, char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			opt.atime = true;
			break;
		case 'c':
			opt.nocreate = true;
			break;
		case 'd':
			opt.date = optarg;
			break;
		case 'f':
			break;	/* ignored, as GNU does */
		case 'h':
			opt.nofollow = true;
			break;
		case 'm':
			opt.mtime = true;
			break;
		case 'r':
			opt.ref = optarg;
			break;
		case 't':
			opt.stamp = optarg;
			break;
		case OPT_TIME:
			if (cb_argmatch("--time", optarg, time_words,
			    time_vals) == 'a')
				opt.atime = true;
			else
				opt.mtime = true;
			break;
		default:
			cb_usage();
		}
	}
	if (!opt.atime && !opt.mtime)
		opt.atime = opt.mtime = true;
}

/* Work out the two times before capability mode (-r needs a lookup). */
static void
set_times(void)
{
	struct stat st;

	if (opt.stamp != NULL && (opt.date != NULL || opt.ref != NULL))
		cb_errx(1, "cannot specify times from more than one source");
	opt.ts[0].tv_nsec = opt.ts[1].tv_nsec = UTIME_NOW;
	if (opt.ref != NULL) {
		int fd = cb_open_operand(opt.ref, O_PATH |
		    (opt.nofollow ? O_NOFOLLOW : 0), 0);

		if (fd < 0 || fstat(fd, &st) < 0)
			cb_err(1, "failed to get attributes of %s",
			    cb_quote(opt.ref));
		(void)close(fd);
		opt.ts[0] = st.st_atim;
		opt.ts[1] = st.st_mtim;
	}
	if (opt.date != NULL) {
		if (!parse_date(opt.date, &opt.ts[0]))
			cb_errx(1, "invalid date format %s", cb_quote(opt.date));
		opt.ts[1] = opt.ts[0];
	}
	if (opt.stamp != NULL) {
		if (!parse_stamp(opt.stamp, &opt.ts[0]))
			cb_errx(1, "invalid date format %s",
			    cb_quote(opt.stamp));
		opt.ts[1] = opt.ts[0];
	}
	if (!opt.atime)
		opt.ts[0].tv_nsec = UTIME_OMIT;
	if (!opt.mtime)
		opt.ts[1].tv_nsec = UTIME_OMIT;
}

static int
touch_op(struct cb_path *p)
{
	int fd = -1, oerr = 0, r;

	if (strcmp(p->arg, "-") == 0)
		r = futimens(STDOUT_FILENO, opt.ts);
	else if (p->dirfd < 0) {
		errno = p->err;
		if (opt.nocreate && errno == ENOENT)
			return (0);
		cb_warn("cannot touch %s", cb_quote(p->arg));
		return (1);
	} else if (p->name == NULL)
		r = utimensat(p->dirfd, "", opt.ts, AT_EMPTY_PATH);
	else {
		if (!opt.nocreate && !opt.nofollow) {
			fd = openat(p->dirfd, p->name, O_WRONLY | O_CREAT |
			    O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0666);
			if (fd < 0)
				oerr = errno;
		}
		if (fd >= 0) {
			r = futimens(fd, opt.ts);
			if (close(fd) < 0 && r == 0) {
				cb_warn("failed to close %s", cb_quote(p->arg));
				return (1);
			}
		} else
			r = utimensat(p->dirfd, p->name, opt.ts,
			    opt.nofollow ? AT_SYMLINK_NOFOLLOW : 0);
	}
	if (r == 0)
		return (0);
	if (oerr != 0 && oerr != EISDIR) {
		errno = oerr;
		cb_warn("cannot touch %s", cb_quote(p->arg));
	} else if (opt.nocreate && errno == ENOENT)
		return (0);
	else
		cb_warn("setting times of %s", cb_quote(p->arg));
	return (1);
}

int
touch_main(int argc, char *argv[])
{
	struct cb_path *ops;
	cap_rights_t r;
	int i, n, rval = 0;

	parse(argc, argv);
	cb_fs_stdio(argv + optind, argc - optind);
	if ((n = argc - optind) == 0) {
		cb_warnx("missing file operand");
		cb_usage();
	}
	caph_cache_tzdata();
	set_times();
	if ((ops = calloc((size_t)n, sizeof(*ops))) == NULL)
		cb_err(1, "calloc");
	cap_rights_init(&r, CAP_LOOKUP, CAP_CREATE, CAP_WRITE, CAP_SEEK,
	    CAP_FUTIMES, CAP_FUTIMESAT, CAP_FSTAT);
	if (cb_paths_open(ops, n, argv + optind, CB_DIR_PATH |
	    (opt.nofollow ? 0 : CB_FOLLOW), &r) < 0)
		cb_err(1, "cap_rights_limit");
	cb_enter();
	for (i = 0; i < n; i++)
		rval |= touch_op(&ops[i]);
	cb_paths_close(ops, n);
	free(ops);
	return (cb_finish(rval));
}
