/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sort.c - sort lines of text files
 *
 * usage: sort [-bcCdfgmnrsuz] [-k KEYDEF]... [-o FILE] [-t SEP] [FILE]...
 *
 * Write sorted concatenation of all FILE(s) to standard output.  With no
 * FILE, or when FILE is -, read standard input.
 *
 *   -b, --ignore-leading-blanks  ignore leading blanks
 *   -d, --dictionary-order       consider only blanks and alphanumerics
 *   -f, --ignore-case            fold lower case to upper case characters
 *   -g, --general-numeric-sort   compare according to general numerical value
 *   -n, --numeric-sort           compare according to string numerical value
 *   -r, --reverse                reverse the result of comparisons
 *   -c, --check                  check for sorted input; do not sort
 *   -C                           like -c, but do not report first bad line
 *   -k, --key=KEYDEF             sort via a key; KEYDEF gives location and type
 *   -m, --merge                  merge already sorted files; do not sort
 *   -o, --output=FILE            write result to FILE instead of standard output
 *   -s, --stable                 stabilize sort by disabling last-resort comparison
 *   -S, --buffer-size=SIZE       accepted; sorting is done in memory
 *   -t, --field-separator=SEP    use SEP instead of non-blank to blank transition
 *   -T, --temporary-directory=DIR  accepted; no temporary files are used
 *       --parallel=N             accepted; sorting uses one thread
 *   -u, --unique                 output only the first of an equal run
 *   -z, --zero-terminated        line delimiter is NUL, not newline
 *
 * KEYDEF is F[.C][OPTS][,F[.C][OPTS]] for start and stop position, where F
 * is a field number and C a character position in the field; both are
 * origin 1.  OPTS is one or more of the letters bdfgnr.  The output file
 * is opened before capability mode and truncated only once all input has
 * been read, so -o may name an input.
 */
#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <sys/stat.h>

#include "capbox.h"
#include "cb_fs.h"

APPLET(sort, 2, 0)

static const char optstr[] = "bcCdfgk:mno:rsS:t:T:uzMhRV";
static const struct option longopts[] = {
	{ "ignore-leading-blanks", no_argument, NULL, 'b' },
	{ "check", optional_argument, NULL, 'c' },
	{ "dictionary-order", no_argument, NULL, 'd' },
	{ "ignore-case", no_argument, NULL, 'f' },
	{ "general-numeric-sort", no_argument, NULL, 'g' },
	{ "key", required_argument, NULL, 'k' },
	{ "merge", no_argument, NULL, 'm' },
	{ "numeric-sort", no_argument, NULL, 'n' },
	{ "output", required_argument, NULL, 'o' },
	{ "reverse", no_argument, NULL, 'r' },
	{ "stable", no_argument, NULL, 's' },
	{ "buffer-size", required_argument, NULL, 'S' },
	{ "field-separator", required_argument, NULL, 't' },
	{ "temporary-directory", required_argument, NULL, 'T' },
	{ "parallel", required_argument, NULL, 'P' },
	{ "unique", no_argument, NULL, 'u' },
	{ "zero-terminated", no_argument, NULL, 'z' },
	{ "month-sort", no_argument, NULL, 'M' },
	{ "human-numeric-sort", no_argument, NULL, 'h' },
	{ "random-sort", no_argument, NULL, 'R' },
	{ "version-sort", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

#define F_BLANK_START	0x01
#define F_BLANK_END	0x02
#define F_DICT		0x04
#define F_FOLD		0x08
#define F_GENERAL	0x10
#define F_NUMERIC	0x20
#define F_REVERSE	0x40

struct key {
	size_t		sf, sc, ef, ec;	/* fields and chars, from 0; ef 0: EOL */
	unsigned int	flags;
};

static struct {
	struct key	*keys;
	size_t		nkeys;
	unsigned int	gflags;		/* global ordering options */
	int		check;		/* 0, 'c' or 'C' */
	bool		stable, unique, coll;
	int		tab;		/* -1: blank separated */
	char		delim;
	const char	*output;
} opt = { .tab = -1, .delim = '\n' };

struct line {
	const char	*p;
	size_t		len;
	uint64_t	pfx;	/* first 8 bytes, big-endian: cheap first test */
};

/* ---- keys ---- */

/* GNU's blanks: a newline too (it is in a line with -z). */
static bool
is_blank(unsigned char c)
{
	return (c == ' ' || c == '\t' || c == '\n');
}

static const char *
skip_blanks(const char *p, const char *e)
{
	while (p < e && is_blank((unsigned char)*p))
		p++;
	return (p);
}

/* Start of field f (from 0) in [p, e). */
static const char *
field_start(const char *p, const char *e, size_t f)
{
	for (; f > 0 && p < e; f--) {
		if (opt.tab >= 0) {
			const char *q = memchr(p, opt.tab, (size_t)(e - p));

			p = q != NULL ? q + 1 : e;
		} else {
			p = skip_blanks(p, e);
			while (p < e && !is_blank((unsigned char)*p))
				p++;
		}
	}
	return (p);
}

static const char *
field_end(const char *p, const char *e)
{
	const char *q;

	if (opt.tab >= 0)
		return ((q = memchr(p, opt.tab, (size_t)(e - p))) != NULL ? q : e);
	p = skip_blanks(p, e);
	while (p < e && !is_blank((unsigned char)*p))
		p++;
	return (p);
}

static void
key_span(const struct key *k, const char *p, size_t len, const char **ks,
    const char **ke)
{
	const char *e = p + len, *s, *t;

	s = field_start(p, e, k->sf);
	if (k->flags & F_BLANK_START)
		s = skip_blanks(s, e);
	s = (size_t)(e - s) > k->sc ? s + k->sc : e;
	if (k->ef == 0) {
		t = e;
	} else {
		t = field_start(p, e, k->ef - 1);
		if (k->ec == 0) {
			t = field_end(t, e);
		} else {
			if (k->flags & F_BLANK_END)
				t = skip_blanks(t, e);
			t = (size_t)(e - t) > k->ec ? t + k->ec : e;
		}
	}
	*ks = s;
	*ke = t < s ? s : t;
}

/* ---- comparisons ---- */

/* -n: compare the numbers as strings of digits, of any length. */
static void
num_parts(const char **pp, const char *e, bool *neg, const char **ip,
    size_t *il, const char **fp, size_t *fl)
{
	const char *p = skip_blanks(*pp, e);

	*neg = p < e && *p == '-';
	p += *neg;
	while (p < e && *p == '0')
		p++;
	*ip = p;
	while (p < e && isdigit((unsigned char)*p))
		p++;
	*il = (size_t)(p - *ip);
	*fp = p;
	*fl = 0;
	if (p < e && *p == '.') {
		*fp = ++p;
		while (p < e && isdigit((unsigned char)*p))
			p++;
		*fl = (size_t)(p - *fp);
		while (*fl > 0 && (*fp)[*fl - 1] == '0')
			(*fl)--;
	}
}

static int
numcmp(const char *a, const char *ae, const char *b, const char *be)
{
	const char *ai, *af, *bi, *bf;
	size_t ail, afl, bil, bfl, i;
	bool an, bn, az, bz;
	int r = 0;

	num_parts(&a, ae, &an, &ai, &ail, &af, &afl);
	num_parts(&b, be, &bn, &bi, &bil, &bf, &bfl);
	az = ail == 0 && afl == 0;
	bz = bil == 0 && bfl == 0;
	an = an && !az;
	bn = bn && !bz;
	if (an != bn)
		return (an ? -1 : 1);
	if (ail != bil)
		r = ail < bil ? -1 : 1;
	else if ((r = memcmp(ai, bi, ail)) == 0)
		for (i = 0; r == 0 && i < (afl > bfl ? afl : bfl); i++)
			r = (i < afl ? af[i] : '0') - (i < bfl ? bf[i] : '0');
	return (an ? -r : r);
}

static int
gencmp(const char *a, const char *ae, const char *b, const char *be)
{
	char ba[64], bb[64];
	long double x, y;
	char *end;
	bool xn, yn;

	(void)snprintf(ba, sizeof(ba), "%.*s", (int)(ae - a), a);
	(void)snprintf(bb, sizeof(bb), "%.*s", (int)(be - b), b);
	x = strtold(ba, &end);
	xn = end == ba;
	y = strtold(bb, &end);
	yn = end == bb;
	/* Non-numbers first, then NaN, then numbers, as GNU orders. */
	if (xn || yn)
		return (xn == yn ? 0 : xn ? -1 : 1);
	if (isnan(x) || isnan(y))
		return (isnan(x) == isnan(y) ? 0 : isnan(x) ? -1 : 1);
	return (x < y ? -1 : x > y);
}

static bool
ignored(unsigned char c, unsigned int flags)
{
	return ((flags & F_DICT) && !isalnum(c) && !is_blank(c));
}

/* -d and -f: byte by byte, with the skipped and folded characters. */
static int
textcmp(const char *a, const char *ae, const char *b, const char *be,
    unsigned int flags)
{
	unsigned char ca, cb;

	for (;;) {
		while (a < ae && ignored((unsigned char)*a, flags))
			a++;
		while (b < be && ignored((unsigned char)*b, flags))
			b++;
		if (a == ae || b == be)
			return ((a < ae) - (b < be));
		ca = (unsigned char)*a++;
		cb = (unsigned char)*b++;
		if (flags & F_FOLD) {
			ca = (unsigned char)toupper(ca);
			cb = (unsigned char)toupper(cb);
		}
		if (ca != cb)
			return (ca < cb ? -1 : 1);
	}
}

static int
collcmp(const char *a, size_t al, const char *b, size_t bl)
{
	char *x, *y;
	int r;

	if (!opt.coll) {
		r = memcmp(a, b, al < bl ? al : bl);
		return (r != 0 ? r : (al > bl) - (al < bl));
	}
	/* strcoll needs terminated strings. */
	if ((x = strndup(a, al)) == NULL || (y = strndup(b, bl)) == NULL)
		cb_err(2, "malloc");
	r = strcoll(x, y);
	free(x);
	free(y);
	return (r != 0 ? r : (al > bl) - (al < bl));
}

static int
keycmp(const struct key *k, const struct line *x, const struct line *y)
{
	const char *as, *ae, *bs, *be;
	int r;

	key_span(k, x->p, x->len, &as, &ae);
	key_span(k, y->p, y->len, &bs, &be);
	if (k->flags & F_NUMERIC)
		r = numcmp(as, ae, bs, be);
	else if (k->flags & F_GENERAL)
		r = gencmp(as, ae, bs, be);
	else if (k->flags & (F_DICT | F_FOLD))
		r = textcmp(as, ae, bs, be, k->flags);
	else
		r = collcmp(as, (size_t)(ae - as), bs, (size_t)(be - bs));
	return ((k->flags & F_REVERSE) ? -r : r);
}

/* Keys, then (unless -s or -u) the whole line as the last resort. */
static int
linecmp(const struct line *x, const struct line *y)
{
	size_t i;
	int r;

	for (i = 0; i < opt.nkeys; i++)
		if ((r = keycmp(&opt.keys[i], x, y)) != 0)
			return (r);
	if ((opt.stable || opt.unique) && opt.nkeys > 0)
		return (0);
	if (!opt.coll && x->pfx != y->pfx)
		r = x->pfx < y->pfx ? -1 : 1;
	else
		r = collcmp(x->p, x->len, y->p, y->len);
	return ((opt.gflags & F_REVERSE) ? -r : r);
}

/* Stable merge sort: -s needs stability whatever the libc's qsort does. */
static void
msort(struct line *v, struct line *tmp, size_t n)
{
	size_t h = n / 2, i = 0, j = h, k = 0;

	if (n < 2)
		return;
	if (n <= 8) {
		for (i = 1; i < n; i++) {
			struct line t = v[i];

			for (j = i; j > 0 && linecmp(&v[j - 1], &t) > 0; j--)
				v[j] = v[j - 1];
			v[j] = t;
		}
		return;
	}
	msort(v, tmp, h);
	msort(v + h, tmp, n - h);
	if (linecmp(&v[h - 1], &v[h]) <= 0)
		return;
	while (i < h && j < n)
		tmp[k++] = linecmp(&v[j], &v[i]) < 0 ? v[j++] : v[i++];
	while (i < h)
		tmp[k++] = v[i++];
	memcpy(v, tmp, k * sizeof(*v));
}

/* ---- input and output ---- */

static uint64_t
prefix(const char *p, size_t len)
{
	uint64_t x = 0;
	size_t i;

	for (i = 0; i < 8; i++)
		x = x << 8 | (i < len ? (unsigned char)p[i] : 0);
	return (x);
}

struct input {
	char		*buf;
	size_t		len;
	struct line	*v;
	size_t		n, cap;
};

static void
split_lines(struct input *in, char *p, size_t len)
{
	char *e = p + len, *q;

	while (p < e) {
		if ((q = memchr(p, opt.delim, (size_t)(e - p))) == NULL)
			q = e;
		if (in->n == in->cap) {
			in->cap = in->cap == 0 ? 1024 : in->cap * 2;
			if ((in->v = realloc(in->v, in->cap * sizeof(*in->v))) ==
			    NULL)
				cb_err(2, "malloc");
		}
		in->v[in->n].p = p;
		in->v[in->n].len = (size_t)(q - p);
		in->v[in->n].pfx = prefix(p, (size_t)(q - p));
		in->n++;
		p = q + 1;
	}
}

static int
read_all(struct cb_operands *ops, struct input *in, char ***bufs)
{
	size_t len;
	char *buf;
	int i;

	if ((*bufs = calloc((size_t)ops->n, sizeof(**bufs))) == NULL)
		cb_err(2, "malloc");
	for (i = 0; i < ops->n; i++) {
		if (ops->v[i].fd < 0) {
			errno = ops->v[i].err;
			cb_err(2, "cannot read: %s", cb_quotef(ops->v[i].name));
		}
		if (cb_slurp(ops->v[i].fd, &buf, &len) < 0)
			cb_err(2, "read failed: %s", ops->v[i].name);
		(*bufs)[i] = buf;
		split_lines(in, buf, len);
	}
	return (0);
}

static void
write_lines(int fd, const struct input *in)
{
	char *out = cb_buf();
	size_t o = 0, i;

	for (i = 0; i < in->n; i++) {
		const struct line *l = &in->v[i];

		if (opt.unique && i > 0 && linecmp(&in->v[i - 1], l) == 0)
			continue;
		if (o + l->len + 1 > CB_BUFSIZE) {
			if (cb_write_full(fd, out, o) < 0)
				cb_err(2, "write failed: %s", opt.output != NULL ?
				    opt.output : "standard output");
			o = 0;
		}
		if (l->len + 1 > CB_BUFSIZE) {
			if (cb_write_full(fd, l->p, l->len) < 0 ||
			    cb_write_full(fd, &opt.delim, 1) < 0)
				cb_err(2, "write failed");
			continue;
		}
		memcpy(out + o, l->p, l->len);
		o += l->len;
		out[o++] = opt.delim;
	}
	if (cb_write_full(fd, out, o) < 0)
		cb_err(2, "write failed: %s", opt.output != NULL ? opt.output :
		    "standard output");
}

static int
check_sorted(const struct input *in, const char *name)
{
	size_t i;
	int r;

	for (i = 1; i < in->n; i++) {
		r = linecmp(&in->v[i - 1], &in->v[i]);
		if (r > 0 || (r == 0 && opt.unique)) {
			if (opt.check == 'c')
				(void)fprintf(stderr, "sort: %s:%zu: disorder: "
				    "%.*s\n", name, i + 1, (int)in->v[i].len,
				    in->v[i].p);
			return (1);
		}
	}
	return (0);
}

/* ---- options ---- */

static unsigned int
key_flags(const char **sp, bool start)
{
	unsigned int f = 0;
	const char *s = *sp;

	/* Up to the first character that is not one: the caller checks. */
	for (; *s != '\0'; s++) {
		switch (*s) {
		case 'b':
			f |= start ? F_BLANK_START : F_BLANK_END;
			break;
		case 'd':
			f |= F_DICT;
			break;
		case 'f':
			f |= F_FOLD;
			break;
		case 'g':
			f |= F_GENERAL;
			break;
		case 'n':
			f |= F_NUMERIC;
			break;
		case 'r':
			f |= F_REVERSE;
			break;
		default:
			*sp = s;
			return (f);
		}
	}
	*sp = s;
	return (f);
}

static size_t
key_num(const char **sp, const char *arg, const char *what)
{
	uintmax_t n = 0;
	const char *s = *sp;

	if (!isdigit((unsigned char)*s))
		cb_errx(2, "invalid number %s: invalid count at start of %s",
		    what, cb_qc(0, s));
	/* A count too large for any line saturates, as in GNU. */
	for (; isdigit((unsigned char)*s); s++)
		n = n > (SIZE_MAX - 9) / 10 ? SIZE_MAX : n * 10 +
		    (uintmax_t)(*s - '0');
	*sp = s;
	(void)arg;
	return ((size_t)n);
}

/*
 * -S and --parallel are checked as GNU checks them, though the sort is
 * done in memory by one thread: a bad value is an error, not ignored.
 * -S counts KiB unless a suffix says otherwise (b bytes, % of memory).
 */
static void
check_size(int c, char *argv[])
{
	const char *s = optarg;
	uintmax_t n;
	char *end;
	int e;

	if (c == 'P') {
		e = cb_xstrtoumax(s, NULL, 10, &n, "");
		if (e == CB_XSTR_OK && n == 0)
			cb_errx(2, "number in parallel must be nonzero");
		if (e == CB_XSTR_OK || e == CB_XSTR_OVERFLOW)
			return;
	} else {
		e = cb_xstrtoumax(s, &end, 10, &n, "EgGkKmMPtTYZ");
		if (e == CB_XSTR_OK && end > s && isdigit((unsigned char)end[-1]))
			e = n > UINTMAX_MAX / 1024 ? CB_XSTR_OVERFLOW : e;
		if (e == CB_XSTR_BADSUFFIX && end > s &&
		    isdigit((unsigned char)end[-1]) && end[1] == '\0' &&
		    (end[0] == 'b' || end[0] == '%'))
			e = CB_XSTR_OK;
		if (e == CB_XSTR_OK)
			return;
	}
	cb_xstrtol_fatal(e, 2, cb_optname(argv, longopts, c), s);
}

/* After a key's options: an ordering capbox lacks, or junk. */
static CB_NORETURN void
bad_key_char(char c, const char *arg)
{
	switch (c) {
	case 'h':
		cb_unsupported("--human-numeric-sort");
	case 'i':
		cb_unsupported("--ignore-nonprinting");
	case 'M':
		cb_unsupported("--month-sort");
	case 'R':
		cb_unsupported("--random-sort");
	case 'V':
		cb_unsupported("--version-sort");
	default:
		cb_errx(2, "stray character in field spec: invalid field "
		    "specification %s", cb_qc(0, arg));
	}
}

static void
add_key(const char *arg)
{
	struct key k = { 0 };
	const char *s = arg;
	unsigned int f;

	if ((k.sf = key_num(&s, arg, "at field start")) == 0)
		cb_errx(2, "field number is zero: invalid field specification "
		    "%s", cb_qc(0, arg));
	k.sf--;
	if (*s == '.' && s++ != NULL && (k.sc = key_num(&s, arg,
	    "after '.'")) == 0)
		cb_errx(2, "character offset is zero: invalid field "
		    "specification %s", cb_qc(0, arg));
	if (k.sc > 0)
		k.sc--;
	f = key_flags(&s, true);
	if (*s == ',') {
		s++;
		if ((k.ef = key_num(&s, arg, "after ','")) == 0)
			cb_errx(2, "field number is zero: invalid field "
			    "specification %s", cb_qc(0, arg));
		if (*s == '.' && s++ != NULL)
			k.ec = key_num(&s, arg, "after '.'");
		f |= key_flags(&s, false);
	}
	if (*s != '\0')
		bad_key_char(*s, arg);
	k.flags = f;
	if ((opt.keys = realloc(opt.keys, (opt.nkeys + 1) *
	    sizeof(*opt.keys))) == NULL)
		cb_err(2, "malloc");
	opt.keys[opt.nkeys++] = k;
}

static void
set_tab(const char *s)
{
	int tab;

	if (s[0] == '\0')
		cb_errx(2, "empty tab");
	if (s[1] != '\0' && strcmp(s, "\\0") != 0)
		cb_errx(2, "multi-character tab %s", cb_qc(0, s));
	tab = s[1] != '\0' ? '\0' : (unsigned char)s[0];
	if (opt.tab >= 0 && opt.tab != tab)
		cb_errx(2, "incompatible tabs");
	opt.tab = tab;
}

/*
 * --check=WORD, GNU's argmatch: a word or an unambiguous beginning of
 * one; quiet and silent are -C, diagnose-first is -c.
 */
static int
check_arg(const char *a)
{
	static const char *const words[] = { "quiet", "silent",
	    "diagnose-first" };
	static const int kinds[] = { 'C', 'C', 'c' };
	size_t len = strlen(a), i;
	int kind = 0, n = 0;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strncmp(words[i], a, len) != 0)
			continue;
		if (strlen(words[i]) == len)
			return (kinds[i]);
		if (n == 0 || kinds[i] != kind)
			n++;
		kind = kinds[i];
	}
	if (n == 1)
		return (kind);
	cb_warnx("%s argument %s for '--check'", n == 0 ? "invalid" :
	    "ambiguous", cb_qc(0, a));
	(void)fprintf(stderr, "Valid arguments are:\n  - 'quiet', 'silent'\n"
	    "  - 'diagnose-first'\nTry '%s --help' for more information.\n",
	    cb_progname);
	exit(1);
}

static void
parse(int argc, char *argv[])
{
	static const char flagchars[] = "bdfgnr";
	static const unsigned int flagbits[] = { F_BLANK_START | F_BLANK_END,
	    F_DICT, F_FOLD, F_GENERAL, F_NUMERIC, F_REVERSE };
	const char *p;
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		if (c != 0 && (p = strchr(flagchars, c)) != NULL) {
			opt.gflags |= flagbits[p - flagchars];
			continue;
		}
		switch (c) {
		case 'c':
		case 'C':
			opt.check = optarg != NULL ? check_arg(optarg) : c;
			break;
		case 'k':
			add_key(optarg);
			break;
		case 'S':
		case 'P':
			check_size(c, argv);
			break;
		case 'm':
		case 'T':
			break;
		case 'o':
			opt.output = optarg;
			break;
		case 's':
			opt.stable = true;
			break;
		case 't':
			set_tab(optarg);
			break;
		case 'u':
			opt.unique = true;
			break;
		case 'z':
			opt.delim = '\0';
			break;
		case 'M':
			cb_unsupported("--month-sort");
		case 'h':
			cb_unsupported("--human-numeric-sort");
		case 'R':
			cb_unsupported("--random-sort");
		case 'V':
			cb_unsupported("--version-sort");
		default:
			cb_usage();
		}
	}
}

/* Keys without flags of their own take the global ones, as in GNU. */
static void
finish_keys(void)
{
	size_t i;

	for (i = 0; i < opt.nkeys; i++)
		if (opt.keys[i].flags == 0)
			opt.keys[i].flags = opt.gflags;
	if (opt.nkeys == 0 && (opt.gflags & ~F_REVERSE) != 0) {
		add_key("1");
		opt.keys[0].flags = opt.gflags;
	} else if (opt.nkeys == 0 && (opt.gflags & F_REVERSE)) {
		/* -r alone: reverse the whole-line comparison. */
		return;
	}
}

/* As in GNU, -d, -g and -n exclude each other in a key. */
static void
check_keys(void)
{
	unsigned int f;
	size_t i;

	for (i = 0; i < opt.nkeys; i++) {
		f = opt.keys[i].flags;
		if (((f & F_DICT) != 0) + ((f & F_GENERAL) != 0) +
		    ((f & F_NUMERIC) != 0) > 1)
			cb_errx(2, "options '-%s%s%s%s' are incompatible",
			    f & F_DICT ? "d" : "", f & F_FOLD ? "f" : "",
			    f & F_GENERAL ? "g" : "", f & F_NUMERIC ? "n" : "");
	}
}

static int
open_output(void)
{
	int fd;

	if (opt.output == NULL)
		return (STDOUT_FILENO);
	/* Truncated later: the output may be one of the inputs. */
	if ((fd = cb_devfd(opt.output)) < 0 &&
	    (fd = cb_openat_operand(opt.output, O_WRONLY | O_CREAT, 0666)) < 0)
		cb_err(2, "open failed: %s", cb_quotef(opt.output));
	cb_limit_fd(fd, opt.output, CAP_WRITE, CAP_FTRUNCATE, CAP_SEEK,
	    CAP_FSTAT);
	return (fd);
}

int
sort_main(int argc, char *argv[])
{
	struct cb_operands ops;
	struct input in = { 0 };
	struct stat st;
	struct line *tmp;
	char **bufs;
	const char *coll;
	int i, out, rval = 0;

	parse(argc, argv);
	finish_keys();
	check_keys();
	cb_locale();
	coll = setlocale(LC_COLLATE, NULL);
	opt.coll = coll != NULL && strcmp(coll, "C") != 0 &&
	    strcmp(coll, "POSIX") != 0;
	if (opt.check && argc - optind > 1)
		cb_errx(2, "extra operand %s not allowed with -%c",
		    cb_quote(argv[optind + 1]), opt.check);
	cb_open_operands(&ops, argc, argv, optind, O_RDONLY);
	cb_limit(&ops, CAP_READ, CAP_FSTAT);
	out = opt.check ? -1 : open_output();
	cb_limit_stdio();
	cb_enter();

	(void)read_all(&ops, &in, &bufs);
	if (opt.check) {
		rval = check_sorted(&in, ops.v[0].isstdin ? "-" : ops.v[0].name);
	} else {
		if ((tmp = malloc((in.n + 1) * sizeof(*tmp))) == NULL)
			cb_err(2, "malloc");
		msort(in.v, tmp, in.n);
		free(tmp);
		if (out != STDOUT_FILENO && fstat(out, &st) == 0 &&
		    S_ISREG(st.st_mode) && ftruncate(out, 0) < 0)
			cb_err(2, "%s", opt.output);
		write_lines(out, &in);
		if (out != STDOUT_FILENO && close(out) < 0)
			cb_err(2, "%s", opt.output);
	}
	for (i = 0; i < ops.n; i++)
		free(bufs[i]);
	free(bufs);
	free(in.v);
	cb_close_operands(&ops);
	return (cb_finish(rval));
}
