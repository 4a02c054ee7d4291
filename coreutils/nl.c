/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * nl.c - number lines of files
 *
 * usage: nl [-p] [-b STYLE] [-d CC] [-f STYLE] [-h STYLE] [-i N] [-n FORMAT]
 *           [-s STRING] [-v N] [-w N] [FILE]...
 *
 * Write each FILE to standard output, with line numbers added.  With no
 * FILE, or when FILE is -, read standard input.
 *
 *   -b, --body-numbering=STYLE      use STYLE for numbering body lines
 *   -d, --section-delimiter=CC      use CC for logical page delimiters
 *   -f, --footer-numbering=STYLE    use STYLE for numbering footer lines
 *   -h, --header-numbering=STYLE    use STYLE for numbering header lines
 *   -i, --line-increment=NUMBER     line number increment at each line
 *   -n, --number-format=FORMAT      insert line numbers according to FORMAT
 *   -p, --no-renumber               do not reset line numbers for each section
 *   -s, --number-separator=STRING   add STRING after (possible) line number
 *   -v, --starting-line-number=NUMBER  first line number for each section
 *   -w, --number-width=NUMBER       use NUMBER columns for line numbers
 *
 * STYLE is a (number all lines), t (number only nonempty lines) or n
 * (number no lines).  FORMAT is ln (left justified), rn (right
 * justified) or rz (right justified, leading zeros).
 */
#include <inttypes.h>

#include "capbox.h"

APPLET(nl, 1, 0)

static const char optstr[] = "b:d:f:h:i:l:n:ps:v:w:";
static const struct option longopts[] = {
	{ "body-numbering", required_argument, NULL, 'b' },
	{ "section-delimiter", required_argument, NULL, 'd' },
	{ "footer-numbering", required_argument, NULL, 'f' },
	{ "header-numbering", required_argument, NULL, 'h' },
	{ "line-increment", required_argument, NULL, 'i' },
	{ "join-blank-lines", required_argument, NULL, 'l' },
	{ "number-format", required_argument, NULL, 'n' },
	{ "no-renumber", no_argument, NULL, 'p' },
	{ "number-separator", required_argument, NULL, 's' },
	{ "starting-line-number", required_argument, NULL, 'v' },
	{ "number-width", required_argument, NULL, 'w' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	char		style[3];	/* header, body, footer */
	char		delim[3];
	const char	*format, *sep;
	intmax_t	incr, start;
	int		width;
	bool		norenumber;
} opt = { .style = { 'n', 't', 'n' }, .delim = "\\:", .format = "rn",
    .sep = "\t", .incr = 1, .start = 1, .width = 6 };

static char
style_arg(const char *s, const char *what)
{
	if ((s[0] == 'a' || s[0] == 't' || s[0] == 'n') && s[1] == '\0')
		return (s[0]);
	if (s[0] == 'p')
		cb_unsupported("--body-numbering=pBRE");
	cb_warnx("invalid %s numbering style: %s", what, cb_qc(0, s));
	cb_usage();
}

static intmax_t
num_arg(const char *s, const char *what, intmax_t min, intmax_t max)
{
	char *end;
	intmax_t n;
	int e;

	errno = 0;
	n = strtoimax(s, &end, 10);
	if (end == s || *end != '\0')
		cb_errx(1, "invalid %s: %s", what, cb_qc(0, s));
	/* gnulib's xdectoimax: the reason tells a type overflow apart. */
	e = errno == ERANGE ? EOVERFLOW : 0;
	if (e == 0 && (n < min || n > max))
		e = n > INT_MAX / 2 || n < INT_MIN / 2 ? EOVERFLOW : ERANGE;
	if (e != 0)
		cb_errx(1, "invalid %s: %s: %s", what, cb_qc(0, s),
		    cb_strerror(e));
	return (n);
}

/* 0, 1, 2 for a header, body or footer delimiter line; -1 otherwise. */
static int
section(const char *l, size_t len)
{
	size_t k;

	if (len == 0 || len % 2 != 0 || len > 6)
		return (-1);
	for (k = 0; k < len; k += 2)
		if (l[k] != opt.delim[0] || l[k + 1] != opt.delim[1])
			return (-1);
	return (3 - (int)(len / 2));
}

static void
number(intmax_t n)
{
	if (strcmp(opt.format, "ln") == 0)
		(void)printf("%-*jd", opt.width, n);
	else if (strcmp(opt.format, "rz") == 0)
		(void)printf("%0*jd", opt.width, n);
	else
		(void)printf("%*jd", opt.width, n);
	(void)fputs(opt.sep, stdout);
}

static void
parse(int argc, char *argv[])
{
	int c;
	bool bad = false;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'b':
			opt.style[1] = style_arg(optarg, "body");
			break;
		case 'h':
			opt.style[0] = style_arg(optarg, "header");
			break;
		case 'f':
			opt.style[2] = style_arg(optarg, "footer");
			break;
		case 'd':
			opt.delim[0] = optarg[0];
			opt.delim[1] = optarg[0] != '\0' && optarg[1] != '\0' ?
			    optarg[1] : ':';
			break;
		case 'i':
			opt.incr = num_arg(optarg, "line number increment",
			    INTMAX_MIN, INTMAX_MAX);
			break;
		case 'l':
			cb_unsupported("--join-blank-lines");
		case 'n':
			if (strcmp(optarg, "ln") != 0 && strcmp(optarg, "rn") != 0 &&
			    strcmp(optarg, "rz") != 0)
			{
				cb_warnx("invalid line numbering format: %s",
				    cb_qc(0, optarg));
				cb_usage();
			}
			opt.format = optarg;
			break;
		case 'p':
			opt.norenumber = true;
			break;
		case 's':
			opt.sep = optarg;
			break;
		case 'v':
			opt.start = num_arg(optarg, "starting line number",
			    INTMAX_MIN, INTMAX_MAX);
			break;
		case 'w':
			opt.width = (int)num_arg(optarg, "line number field width",
			    1, INT_MAX);
			break;
		default:
			/* As GNU's: every bad option is told, then the hint. */
			bad = true;
		}
	}
	if (bad)
		cb_usage();
}

int
nl_main(int argc, char *argv[])
{
	struct cb_operands ops;
	struct cb_lines lr;
	intmax_t n;
	size_t len;
	char *l;
	int i, sec = 1, s, rval = 0;
	bool ovf = false;

	parse(argc, argv);
	n = opt.start;
	cb_open_operands(&ops, argc, argv, optind, O_RDONLY);
	cb_limit(&ops, CAP_READ, CAP_FSTAT);
	cb_limit_stdio();
	cb_enter();
	for (i = 0; i < ops.n; i++) {
		if (!cb_operand_check(&ops.v[i])) {
			rval = 1;
			continue;
		}
		cb_lines_init(&lr, ops.v[i].fd, '\n');
		while ((l = cb_lines_next(&lr, &len)) != NULL) {
			size_t tl = len - (len > 0 && l[len - 1] == '\n');

			if ((s = section(l, tl)) >= 0) {
				sec = s;
				if (s == 0 && !opt.norenumber) {
					n = opt.start;
					ovf = false;
				}
				(void)putchar('\n');
				continue;
			}
			if (opt.style[sec] == 'a' ||
			    (opt.style[sec] == 't' && tl > 0)) {
				/* As GNU's: fail when the number is needed. */
				if (ovf)
					cb_errx(1, "line number overflow");
				number(n);
				ovf = __builtin_add_overflow(n, opt.incr, &n);
			} else {
				(void)printf("%*s", opt.width + (int)strlen(opt.sep),
				    "");
			}
			(void)fwrite(l, 1, len, stdout);
		}
		if (errno != 0) {
			cb_warn("%s", ops.v[i].name);
			rval = 1;
		}
		cb_lines_free(&lr);
	}
	cb_close_operands(&ops);
	return (cb_finish(rval));
}
