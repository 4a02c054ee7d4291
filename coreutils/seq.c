/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * seq.c - print a sequence of numbers
 *
 * usage: seq [OPTION]... LAST
 *    or: seq [OPTION]... FIRST LAST
 *    or: seq [OPTION]... FIRST INCREMENT LAST
 *
 * Print numbers from FIRST to LAST, in steps of INCREMENT.  FIRST and
 * INCREMENT default to 1.
 *
 *   -f, --format=FORMAT      use printf style floating-point FORMAT
 *   -s, --separator=STRING   use STRING to separate numbers (default: \n)
 *   -w, --equal-width        equalize width by padding with leading zeroes
 */
#include <ctype.h>
#include <math.h>

#include "capbox.h"

APPLET(seq, 1, 0)

static const char optstr[] = "+f:s:w";
static const struct option longopts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "separator", required_argument, NULL, 's' },
	{ "equal-width", no_argument, NULL, 'w' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	const char	*format, *sep;
	bool		width;
} opt = { .sep = "\n" };

struct num {
	long double	v;
	int		prec;	/* digits after the point */
	int		width;	/* characters before any exponent */
	bool		integer;
};

static void
parse_num(const char *s, struct num *n)
{
	const char *dot, *e;
	char *end;

	errno = 0;
	n->v = strtold(s, &end);
	if (end == s || *end != '\0' || isspace((unsigned char)*s))
		cb_errx(1, "invalid floating point argument: %s\n"
		    "Try 'seq --help' for more information.", cb_qc(0, s));
	if (isnan(n->v))
		cb_errx(1, "invalid 'not-a-number' argument: %s\n"
		    "Try 'seq --help' for more information.", cb_qc(0, s));
	dot = strchr(s, '.');
	e = strpbrk(s, "eExXpPiInN");
	n->prec = dot != NULL && e == NULL ? (int)strlen(dot + 1) : 0;
	n->width = (int)strlen(s);
	/* -0 prints as "-0" (GNU's %Lg), not as the integer 0. */
	n->integer = dot == NULL && e == NULL && fabsl(n->v) < 1e18L &&
	    !signbit(n->v);
}

/*
 * The -f format checked as GNU checks it, in the same order (one
 * floating conversion, "%%" anywhere, an L of its own allowed), and
 * returned with the L that long double needs: "%.3f" -> "%.3Lf".
 */
static char *
long_format(const char *f)
{
	size_t i, mod;
	bool has_l;
	char *out;

	for (i = 0; !(f[i] == '%' && f[i + 1] != '%'); i += (f[i] == '%') + 1)
		if (f[i] == '\0')
			cb_errx(1, "format %s has no %% directive", cb_qc(0, f));
	i++;
	i += strspn(f + i, "-+#0 '");
	i += strspn(f + i, "0123456789");
	if (f[i] == '.') {
		i++;
		i += strspn(f + i, "0123456789");
	}
	mod = i;
	has_l = f[i] == 'L';
	i += has_l;
	if (f[i] == '\0')
		cb_errx(1, "format %s ends in %%", cb_qc(0, f));
	if (strchr("efgaEFGA", f[i]) == NULL)
		cb_errx(1, "format %s has unknown %%%c directive", cb_qc(0, f),
		    f[i]);
	for (i++; f[i] != '\0'; i += (f[i] == '%') + 1)
		if (f[i] == '%' && f[i + 1] != '%')
			cb_errx(1, "format %s has too many %% directives",
			    cb_qc(0, f));
	if ((out = malloc(strlen(f) + 2)) == NULL)
		cb_err(1, "malloc");
	memcpy(out, f, mod);
	out[mod] = 'L';
	strcpy(out + mod + 1, f + mod + has_l);
	return (out);
}

/*
 * A failed write ends the sequence with GNU's message: an infinite one
 * (seq inf > /dev/full) would never end otherwise.
 */
static void
check_write(int r)
{
	if (r < 0)
		cb_err(1, "write error");
}

static int
print_int(long long first, long long step, long long last)
{
	long long v;

	for (v = first; step > 0 ? v <= last : v >= last; v += step) {
		if (v != first)
			check_write(fputs(opt.sep, stdout));
		check_write(printf("%lld", v));
		if ((step > 0 && v > LLONG_MAX - step) ||
		    (step < 0 && v < LLONG_MIN - step))
			break;
	}
	if (step > 0 ? first <= last : first >= last)
		(void)putchar('\n');
	return (cb_finish(0));
}

/*
 * GNU's fast path for non-negative integers too large for print_int: the
 * numbers are decimal strings, counted exactly at any size (in long
 * double 1e23 + 1 == 1e23, and the sequence would repeat itself).
 */
#define FAST_STEP_MAX	200

static bool
all_digits(const char *s)
{
	return (isdigit((unsigned char)*s) && s[strspn(s, "0123456789")] ==
	    '\0');
}

/* The argument as it was typed when it is all digits, or its value. */
static char *
digits_of(const char *arg, long double v)
{
	char *s;

	if (all_digits(arg))
		s = strdup(arg);
	else if (asprintf(&s, "%.0Lf", v) < 0)
		s = NULL;
	if (s == NULL)
		cb_err(1, "malloc");
	return (s);
}

static int
cmp_digits(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen != blen)
		return (alen < blen ? -1 : 1);
	return (memcmp(a, b, alen));
}

static int
print_digits(const char *a, const char *b, unsigned int step)
{
	size_t alen, blen, len;
	char *buf, *p, *d;
	unsigned int k;

	while (a[0] == '0' && a[1] != '\0')
		a++;
	while (b[0] == '0' && b[1] != '\0')
		b++;
	alen = strlen(a);
	blen = strlen(b);
	/*
	 * Room for b plus a step (at most 3 digits) and a carry: the one
	 * number past b that ends the sequence.
	 */
	len = (alen > blen ? alen : blen);
	len = (len > 3 ? len : 3) + 1;
	if ((buf = malloc(len)) == NULL)
		cb_err(1, "malloc");
	p = memcpy(buf + len - alen, a, alen);
	if (cmp_digits(p, alen, b, blen) <= 0) {
		for (;;) {
			if (fwrite(p, 1, alen, stdout) != alen)
				cb_err(1, "write error");
			for (k = 0; k < step; k++) {
				for (d = buf + len - 1; d >= p && *d == '9'; d--)
					*d = '0';
				if (d < p) {
					*--p = '1';
					alen++;
				} else {
					(*d)++;
				}
			}
			if (cmp_digits(p, alen, b, blen) > 0)
				break;
			if (fputs(opt.sep, stdout) == EOF)
				cb_err(1, "write error");
		}
		(void)putchar('\n');
	}
	free(buf);
	return (cb_finish(0));
}

static bool
fast_ok(const struct num *n)
{
	int i;

	for (i = 0; i < 3; i++)
		if (!isfinite(n[i].v) || signbit(n[i].v) ||
		    n[i].v != floorl(n[i].v))
			return (false);
	return (n[1].v >= 1 && n[1].v <= FAST_STEP_MAX);
}

/* The format was checked by long_format: one floating conversion. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
print_one(const char *fmt, long double v)
{
	check_write(printf(fmt, v));
}
#pragma GCC diagnostic pop

int
seq_main(int argc, char *argv[])
{
	struct num n[3] = { { 1, 0, 1, true }, { 1, 0, 1, true },
	    { 0, 0, 0, true } };
	char fmtbuf[64], *fmt, *lfmt = NULL;
	long double v;
	int c, nargs, width, prec;
	uintmax_t i;

	/* "-1" is a number, not an option: stop there as GNU does. */
	while (optind < argc && !(argv[optind][0] == '-' &&
	    (isdigit((unsigned char)argv[optind][1]) ||
	    argv[optind][1] == '.')) &&
	    (c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		if (c == 'f')
			opt.format = optarg;
		else if (c == 's')
			opt.sep = optarg;
		else if (c == 'w')
			opt.width = true;
		else
			cb_usage();
	}
	nargs = argc - optind;
	if (nargs < 1) {
		cb_warnx("missing operand");
		cb_usage();
	}
	if (nargs > 3) {
		cb_warnx("extra operand %s", cb_qc(0, argv[optind + 3]));
		cb_usage();
	}
	/* GNU's order: the format, then -w with it, then the numbers. */
	if (opt.format != NULL)
		lfmt = long_format(opt.format);
	if (opt.format != NULL && opt.width)
		cb_errx(1, "format string may not be specified when printing "
		    "equal width strings\nTry 'seq --help' for more information.");
	/* In the order given: GNU names the first bad one. */
	if (nargs >= 2)
		parse_num(argv[optind], &n[0]);
	if (nargs == 3)
		parse_num(argv[optind + 1], &n[1]);
	parse_num(argv[argc - 1], &n[2]);
	if (n[1].v == 0)
		cb_errx(1, "invalid Zero increment value: %s\n"
		    "Try 'seq --help' for more information.",
		    cb_qc(0, argv[optind + 1]));
	cb_limit_stdio();
	cb_enter();

	if (opt.format == NULL && !opt.width && n[0].integer &&
	    n[1].integer && n[2].integer)
		return (print_int((long long)n[0].v, (long long)n[1].v,
		    (long long)n[2].v));
	if (opt.format == NULL && !opt.width && fast_ok(n)) {
		char *a = digits_of(nargs >= 2 ? argv[optind] : "1", n[0].v);
		char *b = digits_of(argv[argc - 1], n[2].v);

		c = print_digits(a, b, (unsigned int)n[1].v);
		free(a);
		free(b);
		return (c);
	}
	prec = n[0].prec > n[1].prec ? n[0].prec : n[1].prec;
	width = 0;
	if (opt.width) {
		for (c = 0; c < 3; c++) {
			int w = n[c].width + (prec - n[c].prec) +
			    (n[c].prec == 0 && prec > 0);

			if (w > width)
				width = w;
		}
	}
	if (lfmt != NULL) {
		fmt = lfmt;
	} else {
		(void)snprintf(fmtbuf, sizeof(fmtbuf), "%%0%d.%dLf", width,
		    prec);
		fmt = fmtbuf;
	}
	for (i = 0;; i++) {
		/* FIRST as given: -0 + 0 * step would be +0. */
		v = i == 0 ? n[0].v : n[0].v + (long double)i * n[1].v;
		if (n[1].v > 0 ? v > n[2].v : v < n[2].v)
			break;
		if (i > 0)
			check_write(fputs(opt.sep, stdout));
		print_one(fmt, v);
	}
	if (i > 0)
		(void)putchar('\n');
	if (fmt != fmtbuf)
		free(fmt);
	return (cb_finish(0));
}
