/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cut.c - remove sections from each line of files
 *
 * usage: cut -b LIST [-n] [--complement] [FILE]...
 *    or: cut -c LIST [--complement] [FILE]...
 *    or: cut -f LIST [-d DELIM] [-s] [--complement] [FILE]...
 *
 * Print selected parts of lines from each FILE to standard output.  With
 * no FILE, or when FILE is -, read standard input.
 *
 *   -b, --bytes=LIST          select only these bytes
 *   -c, --characters=LIST     select only these characters (as bytes)
 *   -d, --delimiter=DELIM     use DELIM instead of TAB for field delimiter
 *   -f, --fields=LIST         select only these fields; also print any line
 *                             that contains no delimiter character, unless
 *                             the -s option is specified
 *   -n                        (ignored)
 *       --complement          complement the set of selected bytes,
 *                             characters or fields
 *   -s, --only-delimited      do not print lines not containing delimiters
 *       --output-delimiter=STRING  use STRING as the output delimiter
 *   -z, --zero-terminated     line delimiter is NUL, not newline
 *
 * LIST is made up of one range, or many ranges separated by commas: N,
 * N-, N-M or -M.
 */
#include <ctype.h>

#include "capbox.h"

APPLET(cut, 1, 0)

static const char optstr[] = "b:c:d:f:nsz";
static const struct option longopts[] = {
	{ "bytes", required_argument, NULL, 'b' },
	{ "characters", required_argument, NULL, 'c' },
	{ "delimiter", required_argument, NULL, 'd' },
	{ "fields", required_argument, NULL, 'f' },
	{ "complement", no_argument, NULL, 'C' },
	{ "only-delimited", no_argument, NULL, 's' },
	{ "output-delimiter", required_argument, NULL, 'O' },
	{ "zero-terminated", no_argument, NULL, 'z' },
	{ NULL, 0, NULL, 0 },
};

struct range {
	size_t	lo, hi;		/* from 1, inclusive; hi SIZE_MAX: open */
};

static struct {
	int		mode;		/* 'b', 'c' or 'f' */
	struct range	*r;
	size_t		nr;
	char		delim, eol;
	const char	*outdelim;
	size_t		outlen;
	bool		complement, only_delim, have_delim;
} opt = { .delim = '\t', .eol = '\n' };

static int
range_cmp(const void *a, const void *b)
{
	const struct range *x = a, *y = b;

	return ((x->lo > y->lo) - (x->lo < y->lo));
}

/*
 * A number of a list.  As GNU's cut, UINTMAX_MAX and above are refused,
 * naming the number alone, then the usage hint.
 */
static size_t
list_num(const char **sp, int mode)
{
	uintmax_t n = 0, d;
	const char *s = *sp, *start = s;
	char *bad;

	for (; *s >= '0' && *s <= '9'; s++) {
		d = (uintmax_t)(*s - '0');
		if (n > (UINTMAX_MAX - d) / 10 || n * 10 + d == UINTMAX_MAX) {
			bad = strndup(start, strspn(start, "0123456789"));
			cb_warnx(mode == 'f' ? "field number %s is too large" :
			    "byte/character offset %s is too large",
			    cb_qc(0, bad != NULL ? bad : start));
			cb_usage();
		}
		n = n * 10 + d;
	}
	*sp = s;
	/* SIZE_MAX stands for an open end. */
	return (n >= SIZE_MAX ? SIZE_MAX - 1 : (size_t)n);
}

/* GNU names what is wrong: from the first character it could not use. */
static CB_NORETURN void
bad_value(const char *s, int mode)
{
	cb_errx(1, "invalid %s %s\nTry 'cut --help' for more information.",
	    mode == 'f' ? "field value" : "byte/character position",
	    cb_qc(0, s));
}

static void
parse_list(const char *list, int mode)
{
	const char *s = list;
	struct range r;
	size_t i, k;

	if (opt.mode != 0)
		cb_errx(1, "only one list may be specified\n"
		    "Try 'cut --help' for more information.");
	for (;;) {
		bool lo_given = *s >= '0' && *s <= '9';

		r.lo = lo_given ? list_num(&s, mode) : 1;
		if (lo_given && r.lo == 0)
			cb_errx(1, "%s are numbered from 1\n"
			    "Try 'cut --help' for more information.", mode ==
			    'f' ? "fields" : "byte/character positions");
		if (*s == '-') {
			s++;
			r.hi = *s >= '0' && *s <= '9' ? list_num(&s, mode) :
			    SIZE_MAX;
			/* A second '-' in one range ("1--2", "-1-"). */
			if (*s == '-')
				cb_errx(1, "%s\nTry 'cut --help' for more "
				    "information.", mode == 'f' ?
				    "invalid field range" :
				    "invalid byte or character range");
			if (!lo_given && r.hi == SIZE_MAX)
				cb_errx(1, "invalid range with no endpoint: -\n"
				    "Try 'cut --help' for more information.");
			if (r.hi < r.lo)
				cb_errx(1, "invalid decreasing range\n"
				    "Try 'cut --help' for more information.");
		} else if (!lo_given && (*s == '\0' || *s == ',' ||
		    isblank((unsigned char)*s))) {
			/* An empty element counts as 0, as in GNU. */
			cb_errx(1, "%s are numbered from 1\n"
			    "Try 'cut --help' for more information.", mode ==
			    'f' ? "fields" : "byte/character positions");
		} else if (!lo_given) {
			bad_value(s, mode);
		} else {
			r.hi = r.lo;
		}
		if ((opt.r = realloc(opt.r, (opt.nr + 1) * sizeof(*opt.r))) ==
		    NULL)
			cb_err(1, "malloc");
		opt.r[opt.nr++] = r;
		if (*s == '\0')
			break;
		if (*s != ',' && !isblank((unsigned char)*s))
			bad_value(s, mode);
		s++;
	}
	/*
	 * Sort and merge overlapping ranges, so that selection is one pass.
	 * Adjacent ones stay apart: --output-delimiter goes between them.
	 */
	qsort(opt.r, opt.nr, sizeof(*opt.r), range_cmp);
	for (i = 1, k = 0; i < opt.nr; i++) {
		if (opt.r[i].lo <= opt.r[k].hi) {
			if (opt.r[i].hi > opt.r[k].hi)
				opt.r[k].hi = opt.r[i].hi;
		} else {
			opt.r[++k] = opt.r[i];
		}
	}
	opt.nr = k + 1;
}

static bool
selected(size_t pos)
{
	size_t i;

	for (i = 0; i < opt.nr && opt.r[i].lo <= pos; i++)
		if (pos <= opt.r[i].hi)
			return (!opt.complement);
	return (opt.complement);
}

/*
 * Does the selected position pos begin a range?  With --complement the
 * ranges are the gaps between those of the list, as in GNU's cut.
 */
static bool
range_start(size_t pos)
{
	size_t i;

	if (opt.complement && pos == 1)
		return (true);
	for (i = 0; i < opt.nr && opt.r[i].lo <= pos; i++)
		if (opt.complement ? opt.r[i].hi + 1 == pos :
		    opt.r[i].lo == pos)
			return (true);
	return (false);
}

static void
cut_bytes(const char *p, size_t len)
{
	bool any = false;
	size_t i;

	for (i = 0; i < len; i++) {
		if (!selected(i + 1))
			continue;
		if (opt.outdelim != NULL && any && range_start(i + 1))
			(void)fwrite(opt.outdelim, 1, opt.outlen, stdout);
		(void)putchar(p[i]);
		any = true;
	}
	(void)putchar(opt.eol);
}

static void
cut_fields(const char *p, size_t len)
{
	const char *e = p + len, *q;
	bool first = true;
	size_t f = 1;

	if (memchr(p, opt.delim, len) == NULL) {
		if (!opt.only_delim) {
			(void)fwrite(p, 1, len, stdout);
			(void)putchar(opt.eol);
		}
		return;
	}
	for (; p <= e; f++, p = q + 1) {
		if ((q = memchr(p, opt.delim, (size_t)(e - p))) == NULL)
			q = e;
		if (selected(f)) {
			if (!first)
				(void)fwrite(opt.outdelim, 1, opt.outlen, stdout);
			(void)fwrite(p, 1, (size_t)(q - p), stdout);
			first = false;
		}
		if (q == e)
			break;
	}
	(void)putchar(opt.eol);
}

static void
parse(int argc, char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'b':
		case 'c':
		case 'f':
			parse_list(optarg, c);
			opt.mode = c;
			break;
		case 'd':
			if (optarg[0] != '\0' && optarg[1] != '\0')
				cb_errx(1, "the delimiter must be a single "
				    "character\nTry 'cut --help' for more "
				    "information.");
			opt.delim = optarg[0];
			opt.have_delim = true;
			break;
		case 'n':
			break;
		case 'C':
			opt.complement = true;
			break;
		case 's':
			opt.only_delim = true;
			break;
		case 'O':
			opt.outdelim = optarg;
			opt.outlen = strlen(optarg);
			break;
		case 'z':
			opt.eol = '\0';
			break;
		default:
			cb_usage();
		}
	}
	if (opt.mode == 0)
		cb_errx(1, "you must specify a list of bytes, characters, or "
		    "fields\nTry 'cut --help' for more information.");
	if (opt.mode != 'f' && (opt.have_delim || opt.only_delim))
		cb_errx(1, "%s\nTry 'cut --help' for more information.",
		    opt.have_delim ? "an input delimiter may be specified only "
		    "when operating on fields" : "suppressing non-delimited "
		    "lines makes sense\n\tonly when operating on fields");
	if (opt.mode == 'f' && opt.outdelim == NULL) {
		opt.outdelim = &opt.delim;
		opt.outlen = 1;
	}
}

int
cut_main(int argc, char *argv[])
{
	struct cb_operands ops;
	struct cb_lines lr;
	size_t len;
	char *line;
	int i, rval = 0;

	parse(argc, argv);
	cb_open_operands(&ops, argc, argv, optind, O_RDONLY);
	cb_limit(&ops, CAP_READ, CAP_FSTAT);
	cb_limit_stdio();
	cb_enter();
	for (i = 0; i < ops.n; i++) {
		if (!cb_operand_check(&ops.v[i])) {
			rval = 1;
			continue;
		}
		cb_lines_init(&lr, ops.v[i].fd, opt.eol);
		while ((line = cb_lines_next(&lr, &len)) != NULL) {
			if (len > 0 && line[len - 1] == opt.eol)
				len--;
			if (opt.mode == 'f')
				cut_fields(line, len);
			else
				cut_bytes(line, len);
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
