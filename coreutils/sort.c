/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sort.c - sort lines of text files
 *
 * usage: sort [-bcCdfghiMmnRrsuVz] [-k KEYDEF]... [-o FILE] [-t SEP] [FILE]...
 *
 * Write sorted concatenation of all FILE(s) to standard output.  With no
 * FILE, or when FILE is -, read standard input.
 *
 *   -b, --ignore-leading-blanks  ignore leading blanks
 *   -d, --dictionary-order       consider only blanks and alphanumerics
 *   -f, --ignore-case            fold lower case to upper case characters
 *   -g, --general-numeric-sort   compare according to general numerical value
 *   -h, --human-numeric-sort     compare human readable numbers (2K 1G)
 *   -i, --ignore-nonprinting     consider only printable characters
 *   -M, --month-sort             compare (unknown) < 'JAN' < ... < 'DEC'
 *   -n, --numeric-sort           compare according to string numerical value
 *   -R, --random-sort            shuffle, but group identical keys
 *       --random-source=FILE     get the random salt from FILE
 *   -r, --reverse                reverse the result of comparisons
 *       --sort=WORD              general-numeric -g, human-numeric -h,
 *                                month -M, numeric -n, random -R, version -V
 *   -V, --version-sort           natural sort of (version) numbers in text
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
 * origin 1.  OPTS is one or more of the letters bdfghiMnRrV.  The output
 * file is opened before capability mode and truncated only once all input
 * has been read, so -o may name an input.
 *
 * -R orders keys by the MD5 of a 16-byte salt and the key, as GNU does:
 * with the same --random-source the order is GNU's (in the C locale; GNU
 * hashes the strxfrm() form of the key in others).  Without it the salt
 * comes from getrandom(2).
 */
#include <ctype.h>
#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <sys/random.h>
#include <sys/stat.h>

#include "capbox.h"
#include "cb_fs.h"

APPLET(sort, 2, 0)

static const char optstr[] = "bcCdfghik:Mmno:RrsS:t:T:uVz";
enum { OPT_SORT = 256, OPT_RANDOM_SOURCE };
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
	{ "ignore-nonprinting", no_argument, NULL, 'i' },
	{ "random-sort", no_argument, NULL, 'R' },
	{ "random-source", required_argument, NULL, OPT_RANDOM_SOURCE },
	{ "sort", required_argument, NULL, OPT_SORT },
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
#define F_HUMAN		0x80
#define F_MONTH		0x100
#define F_RANDOM	0x200
#define F_VERSION	0x400
#define F_NONPRINT	0x800
/* Orderings that compare a copy of the key made by -d, -f and -i. */
#define F_ORDERS	(F_GENERAL | F_NUMERIC | F_HUMAN | F_MONTH | \
			F_RANDOM | F_VERSION)
#define F_XFORM		(F_DICT | F_FOLD | F_NONPRINT)

struct key {
	size_t		sf, sc, ef, ec;	/* fields and chars, from 0; ef 0: EOL */
	unsigned int	flags;
	int		rslot;		/* -R: the key's digest in line.dig */
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
	const char	*random_source;
	int		nrandom;	/* keys with -R */
	bool		month;		/* a key with -M */
	unsigned char	salt[16];
	char		months[12][32];	/* abbreviated, upper case, no blanks */
} opt = { .tab = -1, .delim = '\n' };

struct line {
	const char	*p;
	size_t		len;
	uint64_t	pfx;	/* first 8 bytes, big-endian: cheap first test */
	const unsigned char *dig;	/* -R: 16 bytes for each random key */
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

/* -h: K < M < G ...; GNU's find_unit_order, negative for negatives. */
static int
unit_order(const char *p, const char *e)
{
	static const char units[] = "KMGTPEZYRQ";
	const char *u;
	bool neg;
	char max = '0';

	p = skip_blanks(p, e);
	neg = p < e && *p == '-';
	p += neg;
	for (; p < e && isdigit((unsigned char)*p); p++)
		max = *p > max ? *p : max;
	/* As GNU scans: the unit may follow a bare decimal point ("1.K"). */
	if (p < e && *p == '.')
		for (p++; p < e && isdigit((unsigned char)*p); p++)
			max = *p > max ? *p : max;
	if (max == '0' || p == e)
		return (0);
	if (*p == 'k')
		return (neg ? -1 : 1);
	if (*p == '\0' || (u = strchr(units, *p)) == NULL)
		return (0);
	return ((int)(u - units + 1) * (neg ? -1 : 1));
}

static int
humcmp(const char *a, const char *ae, const char *b, const char *be)
{
	int d = unit_order(a, ae) - unit_order(b, be);

	return (d != 0 ? d : numcmp(a, ae, b, be));
}

/* -M: 0 for an unknown month, 1 to 12 for JAN to DEC (in the locale). */
static int
month(const char *p, const char *e)
{
	const char *n, *q;
	int i;

	p = skip_blanks(p, e);
	for (i = 0; i < 12; i++) {
		for (n = opt.months[i], q = p; *n != '\0' && q < e; n++, q++)
			if (toupper((unsigned char)*q) != (unsigned char)*n)
				break;
		if (*n == '\0')
			return (i + 1);
	}
	return (0);
}

static void
init_months(void)
{
	const char *m;
	size_t i, j, k;

	for (i = 0; i < 12; i++) {
		m = nl_langinfo((nl_item)(ABMON_1 + (int)i));
		for (j = k = 0; m[j] != '\0' && k + 1 < sizeof(opt.months[i]);
		    j++)
			if (!isblank((unsigned char)m[j]))
				opt.months[i][k++] = (char)toupper(
				    (unsigned char)m[j]);
		opt.months[i][k] = '\0';
	}
}

/* gnulib's c_isalpha and c_isalnum: ASCII whatever the locale. */
static bool
c_alpha(unsigned char c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static bool
c_alnum(unsigned char c)
{
	return (c_alpha(c) || (c >= '0' && c <= '9'));
}

/*
 * -V: GNU's filevercmp.  Digits compare as numbers, letters before other
 * characters, '~' before anything, even the end; a name's suffixes
 * (.tar.gz) count only when the rest is equal.
 */
static int
ver_order(const char *s, size_t i, size_t n)
{
	unsigned char c;

	if (i == n)
		return (-1);
	c = (unsigned char)s[i];
	if (isdigit(c))
		return (0);
	if (c_alpha(c))
		return (c);
	if (c == '~')
		return (-2);
	return ((int)c + UCHAR_MAX + 1);
}

static int
verrevcmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;
	int d, first;

	while (i < an || j < bn) {
		first = 0;
		while ((i < an && !isdigit((unsigned char)a[i])) ||
		    (j < bn && !isdigit((unsigned char)b[j]))) {
			if ((d = ver_order(a, i, an) - ver_order(b, j, bn)) != 0)
				return (d);
			i++;
			j++;
		}
		while (i < an && a[i] == '0')
			i++;
		while (j < bn && b[j] == '0')
			j++;
		for (; i < an && j < bn && isdigit((unsigned char)a[i]) &&
		    isdigit((unsigned char)b[j]); i++, j++)
			if (first == 0)
				first = a[i] - b[j];
		if (i < an && isdigit((unsigned char)a[i]))
			return (1);
		if (j < bn && isdigit((unsigned char)b[j]))
			return (-1);
		if (first != 0)
			return (first);
	}
	return (0);
}

/* Length of s without its suffixes: (\.[A-Za-z~][A-Za-z0-9~]*)*$ */
static size_t
ver_prefix(const char *s, size_t n)
{
	size_t i = 0, pl = 0;

	while (i < n) {
		pl = ++i;
		while (i + 1 < n && s[i] == '.' && (c_alpha((unsigned char)
		    s[i + 1]) || s[i + 1] == '~'))
			for (i += 2; i < n && (c_alnum((unsigned char)s[i]) ||
			    s[i] == '~'); i++)
				continue;
	}
	return (pl);
}

static int
vercmp(const char *a, size_t an, const char *b, size_t bn)
{
	size_t ap, bp;
	int r;

	if (an == 0 || bn == 0)
		return ((an != 0) - (bn != 0));
	/* ".", then "..", then other names starting with '.', then names. */
	if (a[0] == '.' || b[0] == '.') {
		if (a[0] != b[0])
			return (a[0] == '.' ? -1 : 1);
		if (an == 1 || bn == 1)
			return ((an != 1) - (bn != 1));
		if ((an == 2 && a[1] == '.') || (bn == 2 && b[1] == '.'))
			return (!(an == 2 && a[1] == '.') -
			    !(bn == 2 && b[1] == '.'));
	}
	ap = ver_prefix(a, an);
	bp = ver_prefix(b, bn);
	r = verrevcmp(a, ap, b, bp);
	if (r != 0 || (ap == an && bp == bn))
		return (r);
	return (verrevcmp(a, an, b, bn));
}

static bool
ignored(unsigned char c, unsigned int flags)
{
	return (((flags & F_DICT) && !isalnum(c) && !is_blank(c)) ||
	    ((flags & F_NONPRINT) && !isprint(c)));
}

/*
 * Scratch buffer b (of four, kept between calls) with room for n bytes:
 * 0 and 1 hold translated keys (xform), 2 and 3 terminated copies for
 * strcoll (terminated).
 */
static char *
scratch(int b, size_t n)
{
	static char *buf[4];
	static size_t cap[4];

	if (cap[b] < n) {
		cap[b] = n > 2 * cap[b] ? n : 2 * cap[b];
		if ((buf[b] = realloc(buf[b], cap[b])) == NULL)
			cb_err(2, "malloc");
	}
	return (buf[b]);
}

/*
 * The key as -d, -i and -f make it, for the orderings that read a copy
 * (GNU's translated keys), in scratch buffer b (0 or 1).
 */
static const char *
xform(const char *s, const char *e, unsigned int flags, int b, size_t *len)
{
	char *buf;
	size_t n = 0;

	if ((flags & F_XFORM) == 0) {
		*len = (size_t)(e - s);
		return (s);
	}
	buf = scratch(b, (size_t)(e - s) + 1);
	for (; s < e; s++)
		if (!ignored((unsigned char)*s, flags))
			buf[n++] = (flags & F_FOLD) ?
			    (char)toupper((unsigned char)*s) : *s;
	*len = n;
	return (buf);
}

static int
randcmp(const struct key *k, const struct line *x, const struct line *y,
    const char *a, size_t al, const char *b, size_t bl)
{
	int r = memcmp(x->dig + 16 * k->rslot, y->dig + 16 * k->rslot, 16);

	if (r != 0)
		return (r);
	/* Digests that collide: the keys themselves decide. */
	r = memcmp(a, b, al < bl ? al : bl);
	return (r != 0 ? r : (al > bl) - (al < bl));
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

/* A terminated copy of [p, p + n) in scratch buffer b (2 or 3). */
static const char *
terminated(int b, const char *p, size_t n)
{
	char *buf = scratch(b, n + 1);

	memcpy(buf, p, n);
	buf[n] = '\0';
	return (buf);
}

static int
collcmp(const char *a, size_t al, const char *b, size_t bl)
{
	int r;

	if (!opt.coll) {
		r = memcmp(a, b, al < bl ? al : bl);
		return (r != 0 ? r : (al > bl) - (al < bl));
	}
	/* strcoll needs terminated strings. */
	r = strcoll(terminated(2, a, al), terminated(3, b, bl));
	return (r != 0 ? r : (al > bl) - (al < bl));
}

/*
 * Does the locale collate at all?  Not in C and POSIX, nor where glibc's
 * strcoll is strcmp (no collation rules: C.UTF-8), nor ever with musl,
 * whose strcoll is strcmp: bytes then compare as they are, without a copy.
 */
static bool
collates(void)
{
	const char *name = setlocale(LC_COLLATE, NULL);

	if (name == NULL || strcmp(name, "C") == 0 ||
	    strcmp(name, "POSIX") == 0)
		return (false);
#ifdef __GLIBC__
	/* An integer item: glibc's nl_langinfo returns it as the pointer. */
	return ((uintptr_t)nl_langinfo(_NL_COLLATE_NRULES) != 0);
#else
	return (false);
#endif
}

static int
keycmp(const struct key *k, const struct line *x, const struct line *y)
{
	const char *as, *ae, *bs, *be;
	size_t al, bl;
	int r;

	key_span(k, x->p, x->len, &as, &ae);
	key_span(k, y->p, y->len, &bs, &be);
	if (k->flags & F_ORDERS) {
		/* In GNU's order of precedence, on the translated keys. */
		as = xform(as, ae, k->flags, 0, &al);
		bs = xform(bs, be, k->flags, 1, &bl);
		ae = as + al;
		be = bs + bl;
		if (k->flags & F_NUMERIC)
			r = numcmp(as, ae, bs, be);
		else if (k->flags & F_GENERAL)
			r = gencmp(as, ae, bs, be);
		else if (k->flags & F_HUMAN)
			r = humcmp(as, ae, bs, be);
		else if (k->flags & F_MONTH)
			r = month(as, ae) - month(bs, be);
		else if (k->flags & F_RANDOM)
			r = randcmp(k, x, y, as, al, bs, bl);
		else
			r = vercmp(as, al, bs, bl);
	} else if (k->flags & F_XFORM) {
		r = textcmp(as, ae, bs, be, k->flags);
	} else {
		r = collcmp(as, (size_t)(ae - as), bs, (size_t)(be - bs));
	}
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
		in->v[in->n].dig = NULL;
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
		case 'h':
			f |= F_HUMAN;
			break;
		case 'i':
			f |= F_NONPRINT;
			break;
		case 'M':
			f |= F_MONTH;
			break;
		case 'n':
			f |= F_NUMERIC;
			break;
		case 'R':
			f |= F_RANDOM;
			break;
		case 'r':
			f |= F_REVERSE;
			break;
		case 'V':
			f |= F_VERSION;
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
		cb_errx(2, "stray character in field spec: invalid field "
		    "specification %s", cb_qc(0, arg));
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

/* --check=WORD and --sort=WORD, in GNU's order. */
static const char *const check_words[] = { "quiet", "silent",
    "diagnose-first", NULL };
static const int check_vals[] = { 'C', 'C', 'c' };
static const char *const sort_words[] = { "general-numeric",
    "human-numeric", "month", "numeric", "random", "version", NULL };
static const int sort_vals[] = { 'g', 'h', 'M', 'n', 'R', 'V' };

static void
parse(int argc, char *argv[])
{
	static const char flagchars[] = "bdfghiMnRrV";
	static const unsigned int flagbits[] = { F_BLANK_START | F_BLANK_END,
	    F_DICT, F_FOLD, F_GENERAL, F_HUMAN, F_NONPRINT, F_MONTH,
	    F_NUMERIC, F_RANDOM, F_REVERSE, F_VERSION };
	const char *p;
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		if (c == OPT_SORT)
			c = cb_argmatch("--sort", optarg, sort_words,
			    sort_vals);
		if (c > 0 && c < 256 && (p = strchr(flagchars, c)) != NULL) {
			opt.gflags |= flagbits[p - flagchars];
			continue;
		}
		switch (c) {
		case 'c':
		case 'C':
			opt.check = optarg != NULL ? cb_argmatch("--check",
			    optarg, check_words, check_vals) : c;
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
		case OPT_RANDOM_SOURCE:
			if (opt.random_source != NULL &&
			    strcmp(opt.random_source, optarg) != 0)
				cb_errx(2, "multiple random sources specified");
			opt.random_source = optarg;
			break;
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

/*
 * As in GNU, a key has one ordering: -g, -h, -M, -n, or one of -R, -V,
 * -d, -i (which may go together).  The message lists the key's options
 * as GNU does, without b and r.  Keys with -R get their digest slots;
 * a key with -M asks for the month names.
 */
static void
check_keys(void)
{
	static const char letters[] = "dfghiMnRV";
	static const unsigned int bits[] = { F_DICT, F_FOLD, F_GENERAL,
	    F_HUMAN, F_NONPRINT, F_MONTH, F_NUMERIC, F_RANDOM, F_VERSION };
	char opts[sizeof(letters)];
	unsigned int f;
	size_t i, j, n;

	for (i = 0; i < opt.nkeys; i++) {
		f = opt.keys[i].flags;
		opt.keys[i].rslot = (f & F_RANDOM) ? opt.nrandom++ : -1;
		opt.month = opt.month || (f & F_MONTH) != 0;
		if (((f & F_GENERAL) != 0) + ((f & F_HUMAN) != 0) +
		    ((f & F_MONTH) != 0) + ((f & F_NUMERIC) != 0) +
		    ((f & (F_RANDOM | F_VERSION | F_DICT | F_NONPRINT)) != 0) <= 1)
			continue;
		for (j = n = 0; letters[j] != '\0'; j++)
			if (f & bits[j])
				opts[n++] = letters[j];
		opts[n] = '\0';
		cb_errx(2, "options '-%s' are incompatible", opts);
	}
}

/*
 * -R's salt: 16 bytes of --random-source (opened before capability mode,
 * read after) or of getrandom(2).  GNU reads the same 16 bytes.
 */
static int
open_random_source(void)
{
	int fd;

	if (opt.nrandom == 0 || opt.random_source == NULL)
		return (-1);
	if ((fd = cb_devfd(opt.random_source)) < 0 &&
	    (fd = cb_openat_operand(opt.random_source, O_RDONLY, 0)) < 0)
		cb_err(2, "open failed: %s", cb_quotef(opt.random_source));
	cb_limit_fd(fd, opt.random_source, CAP_READ);
	return (fd);
}

static void
read_salt(int fd)
{
	ssize_t n;

	if (opt.nrandom == 0)
		return;
	if (fd < 0) {
		/* 16 bytes never come short from getrandom(2). */
		while ((n = getrandom(opt.salt, sizeof(opt.salt), 0)) < 0 &&
		    errno == EINTR)
			continue;
		if (n != (ssize_t)sizeof(opt.salt))
			cb_err(2, "getrandom");
		return;
	}
	if ((n = cb_read_full(fd, opt.salt, sizeof(opt.salt))) < 0)
		cb_err(2, "%s: read error", cb_qc(0, opt.random_source));
	if (n < (ssize_t)sizeof(opt.salt))
		cb_errx(2, "%s: end of file", cb_qc(0, opt.random_source));
	(void)close(fd);
}

/* Each line's digest of each -R key, computed once. */
static unsigned char *
digest_lines(struct input *in)
{
	const char *ks, *ke, *k;
	unsigned char *dig, *d;
	size_t i, j, len;

	if (opt.nrandom == 0 || in->n == 0)
		return (NULL);
	if ((dig = calloc(in->n, 16 * (size_t)opt.nrandom)) == NULL)
		cb_err(2, "malloc");
	for (i = 0, d = dig; i < in->n; i++) {
		in->v[i].dig = d;
		for (j = 0; j < opt.nkeys; j++) {
			if (opt.keys[j].rslot < 0)
				continue;
			key_span(&opt.keys[j], in->v[i].p, in->v[i].len, &ks,
			    &ke);
			k = xform(ks, ke, opt.keys[j].flags, 0, &len);
			cb_md5(opt.salt, sizeof(opt.salt), k, len, d);
			d += 16;
		}
	}
	return (dig);
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
	unsigned char *dig;
	char **bufs;
	int i, out, rnd, rval = 0;

	parse(argc, argv);
	finish_keys();
	check_keys();
	cb_locale();
	opt.coll = collates();
	if (opt.month)
		init_months();
	if (opt.check && argc - optind > 1)
		cb_errx(2, "extra operand %s not allowed with -%c",
		    cb_quote(argv[optind + 1]), opt.check);
	rnd = open_random_source();
	cb_open_operands(&ops, argc, argv, optind, O_RDONLY);
	cb_limit(&ops, CAP_READ, CAP_FSTAT);
	out = opt.check ? -1 : open_output();
	cb_limit_stdio();
	cb_enter();

	read_salt(rnd);
	(void)read_all(&ops, &in, &bufs);
	dig = digest_lines(&in);
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
	free(dig);
	cb_close_operands(&ops);
	return (cb_finish(rval));
}
