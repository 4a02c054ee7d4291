/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cmp.c - compare two files byte by byte
 *
 * usage: cmp [OPTION]... FILE1 [FILE2 [SKIP1 [SKIP2]]]
 *
 * Compare two files byte by byte.  The optional SKIP1 and SKIP2 specify
 * the number of bytes to skip at the beginning of each file (zero by
 * default).  If a FILE is '-' or missing, read standard input.
 *
 *   -b, --print-bytes          print differing bytes (also -c,
 *                              --print-chars)
 *   -c, --print-chars          the same as -b
 *   -i, --ignore-initial=SKIP         skip first SKIP bytes of both inputs
 *   -i, --ignore-initial=SKIP1:SKIP2  skip first SKIP1 bytes of FILE1 and
 *                                     first SKIP2 bytes of FILE2
 *   -l, --verbose              output byte numbers and differing byte values
 *   -n, --bytes=LIMIT          compare at most LIMIT bytes
 *   -s, --quiet, --silent      suppress all normal output
 *   -v, --version              output version information and exit
 *
 * SKIP values may be followed by the following multiplicative suffixes:
 * kB 1000, K 1024, MB 1,000,000, M 1,048,576, GB 1,000,000,000,
 * G 1,073,741,824, and so on for T, P, E, Z, Y.  A leading 0x gives a
 * hexadecimal value, a leading 0 an octal one.
 *
 * Exit status is 0 if inputs are the same, 1 if different, 2 if trouble.
 */
#include <sys/stat.h>

#include <locale.h>
#include <stdarg.h>

#include "capbox.h"

APPLET(cmp, 2, 0)

static const char optstr[] = "bci:ln:sv";
static const struct option longopts[] = {
	{ "print-bytes", no_argument, NULL, 'b' },
	{ "print-chars", no_argument, NULL, 'c' },
	{ "ignore-initial", required_argument, NULL, 'i' },
	{ "verbose", no_argument, NULL, 'l' },
	{ "bytes", required_argument, NULL, 'n' },
	{ "silent", no_argument, NULL, 's' },
	{ "quiet", no_argument, NULL, 's' },
	{ "version", no_argument, NULL, 'v' },
	{ NULL, 0, NULL, 0 },
};

/* What to report, as diffutils calls it. */
enum cmp_type {
	FIRST_DIFF,	/* the first difference (default) */
	ALL_DIFFS,	/* -l */
	NO_STDOUT,	/* output goes to /dev/null: stop at the first */
	STATUS,		/* -s */
};

static const char suffixes[] = "kKMGTPEZY0";

static struct {
	enum cmp_type	type;
	bool		print_bytes;
	intmax_t	limit;		/* -n; INTMAX_MAX: no limit */
	intmax_t	skip[2];
	bool		byte_word;	/* "byte", not POSIX's "char" */
} opt = { .limit = INTMAX_MAX };

/*
 * diffutils' usage error: both lines start with "cmp: ", and an argument is
 * shown as typed between plain quotes ('%s'), whatever it holds.
 */
static CB_NORETURN void CB_PRINTF(1, 2)
try_help(const char *fmt, ...)
{
	va_list ap;

	if (fmt != NULL) {
		va_start(ap, fmt);
		cb_vwarnx(fmt, ap);
		va_end(ap);
	}
	(void)fprintf(stderr, "%s: Try '%s --help' for more information.\n",
	    cb_progname, cb_progname);
	exit(2);
}

/* SKIP, SKIP1 or SKIP2: the largest value given for a file wins. */
static const char *
ignore_initial(int f, const char *arg, char delim)
{
	uintmax_t v;
	char *end;
	int e = cb_xstrtoumax(arg, &end, 0, &v, suffixes);

	if (!(e == CB_XSTR_OK || (e == CB_XSTR_BADSUFFIX && *end == delim &&
	    delim != '\0')) || v > INTMAX_MAX)
		try_help("invalid --ignore-initial value '%s'", arg);
	if (opt.skip[f] < (intmax_t)v)
		opt.skip[f] = (intmax_t)v;
	return (end);
}

static void
parse(int argc, char *argv[])
{
	const char *p;
	uintmax_t v;
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'b':
		case 'c':
			opt.print_bytes = true;
			break;
		case 'i':
			p = ignore_initial(0, optarg, ':');
			if (*p == ':')
				(void)ignore_initial(1, p + 1, '\0');
			else if (opt.skip[1] < opt.skip[0])
				opt.skip[1] = opt.skip[0];
			break;
		case 'l':
			if (opt.type == STATUS)
				try_help("options -l and -s are incompatible");
			opt.type = ALL_DIFFS;
			break;
		case 'n':
			if (cb_xstrtoumax(optarg, NULL, 0, &v, suffixes) !=
			    CB_XSTR_OK || v > INTMAX_MAX)
				try_help("invalid --bytes value '%s'", optarg);
			if ((intmax_t)v < opt.limit)
				opt.limit = (intmax_t)v;
			break;
		case 's':
			if (opt.type == ALL_DIFFS)
				try_help("options -l and -s are incompatible");
			opt.type = STATUS;
			break;
		case 'v':
			cb_version();
		default:
			try_help(NULL);
		}
	}
}

/* diffutils' sprintc: ^X, M-X, M-^X for bytes that are not printable. */
static void
byte_name(char buf[5], unsigned char c)
{
	if (!(c >= 0x20 && c < 0x7f)) {
		if (c >= 128) {
			*buf++ = 'M';
			*buf++ = '-';
			c -= 128;
		}
		if (c < 32) {
			*buf++ = '^';
			c += 64;
		} else if (c == 127) {
			*buf++ = '^';
			c = '?';
		}
	}
	*buf++ = (char)c;
	*buf = '\0';
}

struct input {
	const char	*name;
	int		fd;
	struct stat	st;
	off_t		pos;	/* after the skip; -1: not seekable */
};

/* Skip by reading, for what lseek could not skip (pipes). */
static void
skip_by_reading(struct input *in, intmax_t n, char *buf, size_t bufsize)
{
	ssize_t r;
	size_t want;

	while (n > 0) {
		want = (uintmax_t)n < bufsize ? (size_t)n : bufsize;
		if ((r = cb_read_full(in->fd, buf, want)) < 0)
			cb_err(2, "%s", in->name);
		if ((size_t)r != want)
			break;
		n -= r;
	}
}

#define CMP_BUF	(64 * 1024)

static void
print_first(const struct input *in, intmax_t byte, intmax_t line,
    unsigned char c0, unsigned char c1)
{
	char s0[5], s1[5];

	if (!opt.print_bytes) {
		(void)printf("%s %s differ: %s %jd, line %jd\n", in[0].name,
		    in[1].name, opt.byte_word ? "byte" : "char", byte, line);
		return;
	}
	byte_name(s0, c0);
	byte_name(s1, c1);
	(void)printf("%s %s differ: byte %jd, line %jd is %3o %s %3o %s\n",
	    in[0].name, in[1].name, byte, line, c0, s0, c1, s1);
}

static int
compare(struct input *in)
{
	char *b0, *b1, s0[5], s1[5];
	intmax_t byte = 1, line = 1, remaining = opt.limit, max;
	bool at_line_start = true;
	int differing = 0, width = 1, f;
	ssize_t r0, r1;
	size_t want, smaller, i;

	if ((b0 = malloc(2 * CMP_BUF)) == NULL)
		cb_err(2, "malloc");
	b1 = b0 + CMP_BUF;
	if (opt.type == ALL_DIFFS) {
		max = opt.limit;
		for (f = 0; f < 2; f++)
			if (S_ISREG(in[f].st.st_mode) && in[f].pos >= 0 &&
			    in[f].st.st_size - in[f].pos < max)
				max = in[f].st.st_size - in[f].pos;
		for (; (max /= 10) != 0; width++)
			;
	}
	for (f = 0; f < 2; f++)
		if (opt.skip[f] != 0 && in[f].pos < 0)
			skip_by_reading(&in[f], opt.skip[f], b0, CMP_BUF);
	do {
		want = CMP_BUF;
		if ((uintmax_t)remaining < want)
			want = (size_t)remaining;
		remaining -= (intmax_t)want;
		if ((r0 = cb_read_full(in[0].fd, b0, want)) < 0)
			cb_err(2, "%s", in[0].name);
		if ((r1 = cb_read_full(in[1].fd, b1, want)) < 0)
			cb_err(2, "%s", in[1].name);
		smaller = (size_t)(r0 < r1 ? r0 : r1);
		for (i = 0; i < smaller && b0[i] == b1[i]; i++)
			;
		byte += (intmax_t)i;
		if (opt.type == FIRST_DIFF && i != 0) {
			line += (intmax_t)cb_count_byte(b0, i, '\n');
			at_line_start = b0[i - 1] == '\n';
		}
		if (i < smaller) {
			switch (opt.type) {
			case FIRST_DIFF:
				print_first(in, byte, line, (unsigned char)b0[i],
				    (unsigned char)b1[i]);
				free(b0);
				return (1);
			case STATUS:
				free(b0);
				return (1);
			case ALL_DIFFS:
				for (; i < smaller; i++, byte++) {
					unsigned char c0 = (unsigned char)b0[i];
					unsigned char c1 = (unsigned char)b1[i];

					if (c0 == c1)
						continue;
					if (!opt.print_bytes) {
						(void)printf("%*jd %3o %3o\n",
						    width, byte, c0, c1);
						continue;
					}
					byte_name(s0, c0);
					byte_name(s1, c1);
					(void)printf("%*jd %3o %-4s %3o %s\n",
					    width, byte, c0, s0, c1, s1);
				}
				differing = -1;
				break;
			case NO_STDOUT:
				differing = 1;
				break;
			}
		}
		if (r0 != r1) {
			if (differing <= 0 && opt.type != STATUS) {
				const char *shorter = in[r1 < r0].name;

				(void)fflush(stdout);
				if (byte == 1)
					(void)fprintf(stderr, "%s: EOF on %s "
					    "which is empty\n", cb_progname,
					    shorter);
				else if (opt.type == FIRST_DIFF)
					(void)fprintf(stderr, "%s: EOF on %s "
					    "after byte %jd, %sline %jd\n",
					    cb_progname, shorter, byte - 1,
					    at_line_start ? "" : "in ",
					    line - at_line_start);
				else
					(void)fprintf(stderr, "%s: EOF on %s "
					    "after byte %jd\n", cb_progname,
					    shorter, byte - 1);
			}
			free(b0);
			return (1);
		}
	} while (differing <= 0 && (size_t)r0 == CMP_BUF);
	free(b0);
	return (differing == 0 ? 0 : 1);
}

/* Same inode, same attributes, same position: nothing to read. */
static bool
same_file(const struct input *in)
{
	const struct stat *a = &in[0].st, *b = &in[1].st;

	return (a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	    a->st_mode == b->st_mode && a->st_nlink == b->st_nlink &&
	    a->st_uid == b->st_uid && a->st_gid == b->st_gid &&
	    a->st_size == b->st_size &&
	    a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	    a->st_mtim.tv_nsec == b->st_mtim.tv_nsec &&
	    a->st_ctim.tv_sec == b->st_ctim.tv_sec &&
	    a->st_ctim.tv_nsec == b->st_ctim.tv_nsec &&
	    in[0].pos == in[1].pos);
}

int
cmp_main(int argc, char *argv[])
{
	struct cb_operand op[2];
	struct input in[2];
	struct stat devnull, so;
	const char *loc;
	bool have_null;
	int f, k, first, rval;

	parse(argc, argv);
	if (optind == argc)
		try_help("missing operand after '%s'", argv[argc - 1]);
	in[0].name = argv[optind++];
	in[1].name = optind < argc ? argv[optind++] : "-";
	for (f = 0; f < 2 && optind < argc; f++)
		(void)ignore_initial(f, argv[optind++], '\0');
	if (optind < argc)
		try_help("extra operand '%s'", argv[optind]);

	/* Operands first, then the null device, then capability mode. */
	for (f = 0; f < 2; f++)
		cb_open_operand1(&op[f], in[f].name, O_RDONLY);
	have_null = stat("/dev/null", &devnull) == 0;
	/* POSIX's "char" only in the C locale, as diffutils. */
	cb_locale();
	loc = setlocale(LC_MESSAGES, NULL);
	opt.byte_word = loc != NULL && strcmp(loc, "C") != 0 &&
	    strcmp(loc, "POSIX") != 0;
	for (f = 0; f < 2; f++)
		if (op[f].own)
			cb_limit_fd(op[f].fd, op[f].name, CAP_READ, CAP_SEEK,
			    CAP_FSTAT);
	cb_limit_stdio();
	cb_enter();

	/* GNU's order: standard input first when FILE2 is "-". */
	first = strcmp(in[1].name, "-") == 0 ? 1 : 0;
	for (k = 0; k < 2; k++) {
		f = k ^ first;
		if (k == 1 && opt.skip[0] == opt.skip[1] &&
		    strcmp(in[0].name, in[1].name) == 0)
			return (0);
		if (op[f].fd < 0) {
			if (opt.type == STATUS)
				exit(2);
			errno = op[f].err;
			cb_err(2, "%s", in[f].name);
		}
		in[f].fd = op[f].fd;
		if (fstat(in[f].fd, &in[f].st) < 0)
			cb_err(2, "%s", in[f].name);
	}
	for (f = 0; f < 2; f++)
		in[f].pos = lseek(in[f].fd, (off_t)opt.skip[f], SEEK_CUR);
	if (same_file(in))
		return (0);
	if (opt.type != STATUS && have_null && fstat(STDOUT_FILENO, &so) == 0 &&
	    so.st_dev == devnull.st_dev && so.st_ino == devnull.st_ino)
		opt.type = NO_STDOUT;
	if (opt.type == STATUS && S_ISREG(in[0].st.st_mode) &&
	    S_ISREG(in[1].st.st_mode) && in[0].pos >= 0 && in[1].pos >= 0) {
		off_t s0 = in[0].st.st_size - in[0].pos;
		off_t s1 = in[1].st.st_size - in[1].pos;

		s0 = s0 < 0 ? 0 : s0;
		s1 = s1 < 0 ? 0 : s1;
		if (s0 != s1 && (s0 < s1 ? s0 : s1) < opt.limit)
			return (1);
	}
	rval = compare(in);
	if (fflush(stdout) != 0 || ferror(stdout))
		cb_err(2, "standard output");
	return (rval);
}
