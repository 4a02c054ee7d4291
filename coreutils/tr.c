/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * tr.c - translate or delete characters
 *
 * usage: tr [-cdst] SET1 [SET2]
 *
 * Translate, squeeze, and/or delete characters from standard input,
 * writing to standard output.
 *
 *   -c, -C, --complement    use the complement of SET1
 *   -d, --delete            delete characters in SET1, do not translate
 *   -s, --squeeze-repeats   replace each sequence of a repeated character
 *                           that is listed in the last specified SET, with
 *                           a single occurrence of that character
 *   -t, --truncate-set1     first truncate SET1 to length of SET2
 *
 * SETs are strings of characters: \NNN (octal), \\, \a, \b, \f, \n, \r,
 * \t, \v, CHAR1-CHAR2, [CHAR*], [CHAR*REPEAT], [:CLASS:], [=CHAR=].
 */
#include <ctype.h>

#include "capbox.h"

APPLET(tr, 1, 0)

static const char optstr[] = "+cCdst";
static const struct option longopts[] = {
	{ "complement", no_argument, NULL, 'c' },
	{ "delete", no_argument, NULL, 'd' },
	{ "squeeze-repeats", no_argument, NULL, 's' },
	{ "truncate-set1", no_argument, NULL, 't' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool	complement, delete, squeeze, truncate;
} opt;

/*
 * An expanded set; fill >= 0 marks where a [c*] repeat goes.  In SET2
 * only the first `need` characters (SET1's length) map anything: past
 * them a [c*n] repeat adds its character once, for -s.
 */
struct set {
	int	*c;
	size_t	n, cap, need;
	ssize_t	fill;
	int	fillc;
};

/* Room for n characters in all. */
static void
reserve(struct set *s, size_t n)
{
	if (n <= s->cap)
		return;
	s->cap = n < 256 ? 256 : n > SIZE_MAX / 2 / sizeof(int) ? n : n * 2;
	if ((s->c = reallocarray(s->c, s->cap, sizeof(int))) == NULL)
		cb_err(1, "malloc");
}

static void
add(struct set *s, int c)
{
	reserve(s, s->n + 1);
	s->c[s->n++] = c;
}

/* One character of a set string, with backslash escapes. */
static int
one(const char **sp)
{
	static const char from[] = "abfnrtv\\", to[] = "\a\b\f\n\r\t\v\\";
	const char *s = *sp, *p;
	int c, i;

	if (*s != '\\' || s[1] == '\0') {
		*sp = s + 1;
		return ((unsigned char)*s);
	}
	s++;
	if (*s >= '0' && *s <= '7') {
		for (c = 0, i = 0; i < 3 && *s >= '0' && *s <= '7'; i++, s++)
			c = c * 8 + (*s - '0');
		*sp = s;
		return (c & 0xff);
	}
	*sp = s + 1;
	return ((p = strchr(from, *s)) != NULL ? (unsigned char)to[p - from] :
	    (unsigned char)*s);
}

static bool
add_class(struct set *s, const char *name, size_t len)
{
	static const struct {
		const char	*name;
		int		(*fn)(int);
	} classes[] = {
		{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
		{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
		{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
		{ "space", isspace }, { "upper", isupper },
		{ "xdigit", isxdigit },
	};
	size_t i;
	int c;

	for (i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
		if (strlen(classes[i].name) != len ||
		    strncmp(classes[i].name, name, len) != 0)
			continue;
		for (c = 0; c < 256; c++)
			if (classes[i].fn(c))
				add(s, c);
		return (true);
	}
	cb_errx(1, "invalid character class '%.*s'", (int)len, name);
}

/* n of [c*n]: octal when it starts with 0, as in GNU; SIZE_MAX is out. */
static uintmax_t
repeat_count(const char *d, size_t len)
{
	unsigned int base = d[0] == '0' ? 8 : 10;
	uintmax_t n = 0, v;
	size_t i;

	for (i = 0; i < len; i++) {
		v = (uintmax_t)(d[i] - '0');
		if (v >= base || n > (UINTMAX_MAX - v) / base)
			break;
		n = n * base + v;
	}
	if (i < len || n >= SIZE_MAX) {
		char *bad = strndup(d, len);

		cb_errx(1, "invalid repeat count %s in [c*n] construct",
		    cb_q(0, bad != NULL ? bad : d));
	}
	return (n);
}

/* [c*n], [:class:], [=c=]; false if s is not one of them. */
static bool
bracket(struct set *s, const char **sp, bool second)
{
	const char *p = *sp + 1, *e, *digits;
	uintmax_t n;
	int c;

	if ((*p == ':' || *p == '=') && (e = strchr(p + 1, *p)) != NULL &&
	    e[1] == ']') {
		if (*p == ':')
			(void)add_class(s, p + 1, (size_t)(e - p - 1));
		else
			add(s, (unsigned char)p[1]);
		*sp = e + 2;
		return (true);
	}
	/* A '[' that ends the set is itself. */
	if (*p == '\0')
		return (false);
	c = one(&p);
	if (*p != '*')
		return (false);
	digits = ++p;
	p += strspn(p, "0123456789");
	if (*p != ']')
		return (false);
	if (!second)
		cb_errx(1, "the [c*] repeat construct may not appear in string1");
	n = repeat_count(digits, (size_t)(p - digits));
	if (n == 0) {
		if (s->fill >= 0)
			cb_errx(1, "only one [c*] repeat construct may appear "
			    "in string2");
		s->fill = (ssize_t)s->n;
		s->fillc = c;
	}
	/* Past SET1's length one copy is enough (see struct set). */
	if (n > 1 && s->n + n > s->need)
		n = s->n >= s->need ? 1 : s->need - s->n;
	for (; n > 0; n--)
		add(s, c);
	*sp = p + 1;
	return (true);
}

static void
parse_set(struct set *s, const char *str, bool second, size_t need)
{
	const char *p = str;
	int c, hi;

	memset(s, 0, sizeof(*s));
	s->fill = -1;
	s->need = need;
	while (*p != '\0') {
		if (*p == '[' && bracket(s, &p, second))
			continue;
		c = one(&p);
		if (*p == '-' && p[1] != '\0') {
			p++;
			hi = one(&p);
			if (hi < c)
				cb_errx(1, "range-endpoints of '%c-%c' are in "
				    "reverse collating sequence order", c, hi);
			for (; c <= hi; c++)
				add(s, c);
			continue;
		}
		add(s, c);
	}
}

static void
complement(struct set *s)
{
	bool in[256] = { false };
	size_t i;
	int c;

	for (i = 0; i < s->n; i++)
		in[s->c[i]] = true;
	s->n = 0;
	for (c = 0; c < 256; c++)
		if (!in[c])
			add(s, c);
}

/* SET2 grows to SET1's length: the [c*] fill, or its last character. */
static void
extend(struct set *s2, size_t n1)
{
	size_t need, i;

	if (s2->n >= n1)
		return;
	need = n1 - s2->n;
	if (s2->fill >= 0) {
		reserve(s2, s2->n + need);
		memmove(s2->c + s2->fill + need, s2->c + s2->fill,
		    (s2->n - (size_t)s2->fill) * sizeof(int));
		for (i = 0; i < need; i++)
			s2->c[(size_t)s2->fill + i] = s2->fillc;
		s2->n += need;
		return;
	}
	while (s2->n < n1)
		add(s2, s2->c[s2->n - 1]);
}

static void
run(const int map[256], const bool del[256], const bool sq[256])
{
	unsigned char *in = cb_buf(), *out;
	int last = -1;
	ssize_t n, i;
	size_t o;

	if ((out = malloc(CB_BUFSIZE)) == NULL)
		cb_err(1, "malloc");
	while ((n = cb_read(STDIN_FILENO, in, CB_BUFSIZE)) > 0) {
		for (i = 0, o = 0; i < n; i++) {
			int c = in[i];

			if (del[c])
				continue;
			c = map[c];
			if (sq[c] && c == last)
				continue;
			out[o++] = (unsigned char)c;
			last = c;
		}
		cb_write_out(out, o);
	}
	if (n < 0)
		cb_err(1, "read error");
	free(out);
}

int
tr_main(int argc, char *argv[])
{
	static struct set s1, s2;
	int map[256], c, nsets;
	bool del[256] = { false }, sq[256] = { false };
	size_t i;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		if (c == 'c' || c == 'C')
			opt.complement = true;
		else if (c == 'd')
			opt.delete = true;
		else if (c == 's')
			opt.squeeze = true;
		else if (c == 't')
			opt.truncate = true;
		else
			cb_usage();
	}
	nsets = argc - optind;
	if (nsets < 1) {
		cb_warnx("missing operand");
		cb_usage();
	}
	if (nsets == 1 && opt.delete == opt.squeeze) {
		cb_warnx("missing operand after %s", cb_q(0, argv[optind]));
		(void)fputs(opt.delete ? "Two strings must be given when both "
		    "deleting and squeezing repeats.\n" : "Two strings must be "
		    "given when translating.\n", stderr);
		cb_usage();
	}
	if (nsets > 2 || (nsets == 2 && opt.delete && !opt.squeeze)) {
		cb_warnx("extra operand %s", cb_q(0, argv[optind + (nsets > 2 &&
		    !(opt.delete && !opt.squeeze) ? 2 : 1)]));
		if (opt.delete && !opt.squeeze && nsets == 2)
			(void)fputs("Only one string may be given when deleting "
			    "without squeezing repeats.\n", stderr);
		cb_usage();
	}
	parse_set(&s1, argv[optind], false, 0);
	if (opt.complement)
		complement(&s1);
	if (nsets == 2)
		parse_set(&s2, argv[optind + 1], true, s1.n);
	cb_limit_stdio();
	cb_enter();

	for (c = 0; c < 256; c++)
		map[c] = c;
	if (opt.delete) {
		for (i = 0; i < s1.n; i++)
			del[s1.c[i]] = true;
		for (i = 0; opt.squeeze && i < s2.n; i++)
			sq[s2.c[i]] = true;
	} else if (nsets == 2) {
		if (opt.truncate && s1.n > s2.n)
			s1.n = s2.n;
		/* Only a SET1 longer than an empty SET2 is an error. */
		if (s1.n > 0 && s2.n == 0 && s2.fill < 0)
			cb_errx(1, "when not truncating set1, string2 must be "
			    "non-empty");
		extend(&s2, s1.n);
		for (i = 0; i < s1.n; i++)
			map[s1.c[i]] = s2.c[i];
		for (i = 0; opt.squeeze && i < s2.n; i++)
			sq[s2.c[i]] = true;
	} else {
		for (i = 0; i < s1.n; i++)
			sq[s1.c[i]] = true;
	}
	run(map, del, sq);
	return (cb_finish(0));
}
