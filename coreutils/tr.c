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
	int	nfill;		/* [c*] and [c*0] repeats seen */
	bool	has_class, other_class, has_equiv;
	bool	ends_class;	/* the last construct is a [:class:] */
	size_t	*ul, nul;	/* where each [:upper:] or [:lower:] starts */
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

/*
 * GNU's warnings about a set's escapes, given once a set as GNU gives
 * them: a backslash that ends it, an octal escape above \377 (read as
 * two digits and a character, as one() does).
 */
static void
escape_warnings(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s != '\\')
			continue;
		if (s[1] == '\0') {
			cb_warnx("warning: an unescaped backslash at end of "
			    "string is not portable");
			return;
		}
		s++;
		if (*s >= '0' && *s <= '3' && s[1] >= '0' && s[1] <= '7' &&
		    s[2] >= '0' && s[2] <= '7')
			s += 2;
		else if (*s >= '4' && *s <= '7' && s[1] >= '0' && s[1] <= '7' &&
		    s[2] >= '0' && s[2] <= '7')
			cb_warnx("warning: the ambiguous octal escape \\%c%c%c is "
			    "being\n\tinterpreted as the 2-byte sequence \\0%c%c, "
			    "%c", s[0], s[1], s[2], s[0], s[1], s[2]);
	}
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
		/* At most 3 digits, and no more than fit in a byte. */
		for (c = 0, i = 0; i < 3 && *s >= '0' && *s <= '7' &&
		    c * 8 + (*s - '0') <= 0377; i++, s++)
			c = c * 8 + (*s - '0');
		*sp = s;
		return (c);
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
		if (strcmp(classes[i].name, "upper") == 0 ||
		    strcmp(classes[i].name, "lower") == 0) {
			if ((s->ul = reallocarray(s->ul, s->nul + 1,
			    sizeof(*s->ul))) == NULL)
				cb_err(1, "malloc");
			s->ul[s->nul++] = s->n;
		} else {
			s->other_class = true;
		}
		s->has_class = true;
		for (c = 0; c < 256; c++)
			if (classes[i].fn(c))
				add(s, c);
		return (true);
	}
	return (false);
}

/* Text of a set made printable for a message, as GNU's tr shows it. */
static const char *
printable(const char *s, size_t len)
{
	static const char from[] = "\\\a\b\f\n\r\t\v", to[] = "\\abfnrtv";
	static char *buf;
	const char *e;
	char *p;
	size_t i;

	free(buf);
	if ((buf = p = malloc(len * 4 + 1)) == NULL)
		cb_err(1, "malloc");
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c != '\0' && (e = strchr(from, c)) != NULL) {
			*p++ = '\\';
			*p++ = to[e - from];
		} else if (c >= 0x20 && c < 0x7f) {
			*p++ = (char)c;
		} else {
			p += sprintf(p, "\\%03o", c);
		}
	}
	*p = '\0';
	return (buf);
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
	if (i < len || n >= SIZE_MAX)
		cb_errx(1, "invalid repeat count %s in [c*n] construct",
		    cb_qc(0, printable(d, len)));
	return (n);
}

/* The first unescaped "x]" at or after p, or NULL. */
static const char *
closing(const char *p, char x)
{
	for (; *p != '\0'; p++) {
		if (*p == '\\' && p[1] != '\0')
			p++;
		else if (*p == x && p[1] == ']')
			return (p);
	}
	return (NULL);
}

/*
 * [:class:] or [=c=] at p ("[" before it): false if it is not one.  As
 * in GNU, it ends at the first ":]" or "=]", and one that is not valid
 * is an error unless it reads as a repeat of ':' or '=' ("[:*3]").
 */
static bool
class_or_equiv(struct set *s, const char **sp)
{
	const char *p = *sp + 1, *e, *q;
	size_t len;
	int c;

	if ((*p != ':' && *p != '=') || (e = closing(p + 1, *p)) == NULL)
		return (false);
	if ((len = (size_t)(e - p - 1)) == 0)
		cb_errx(1, *p == ':' ? "missing character class name '[::]'" :
		    "missing equivalence class character '[==]'");
	q = p + 1;
	if (*p == ':' && add_class(s, p + 1, len)) {
		s->ends_class = true;
		*sp = e + 2;
		return (true);
	}
	if (*p == '=' && (c = one(&q), q == e)) {
		add(s, c);
		s->has_equiv = true;
		s->ends_class = false;
		*sp = e + 2;
		return (true);
	}
	if (p[1] == '*' && p[2 + strspn(p + 2, "0123456789")] == ']')
		return (false);
	if (*p == ':')
		cb_errx(1, "invalid character class %s",
		    cb_qc(0, printable(p + 1, len)));
	cb_errx(1, "%s: equivalence class operand must be a single character",
	    printable(p + 1, len));
}

/*
 * [c*n]: a character, '*', then up to the first ']' (none escaped
 * before it), n octal if it starts with 0; false if s is not one.  An
 * empty or zero n is a [c*], which fills SET2 (counted in nfill).
 */
static bool
repeat(struct set *s, const char **sp, bool second)
{
	const char *p = *sp + 1, *digits, *e;
	uintmax_t n;
	int c;

	/* A '[' that ends the set is itself. */
	if (*p == '\0')
		return (false);
	c = one(&p);
	if (*p != '*')
		return (false);
	digits = p + 1;
	e = digits + strcspn(digits, "]\\");
	if (*e != ']')
		return (false);
	n = repeat_count(digits, (size_t)(e - digits));
	s->ends_class = false;
	*sp = e + 1;
	if (n == 0) {
		if (s->nfill++ == 0) {
			s->fill = (ssize_t)s->n;
			s->fillc = c;
		}
		return (true);
	}
	/* Past SET1's length one copy is enough (see struct set). */
	if (second && n > 1 && s->n + n > s->need)
		n = s->n >= s->need ? 1 : s->need - s->n;
	for (; n > 0; n--)
		add(s, c);
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
	escape_warnings(str);
	while (*p != '\0') {
		if (*p == '[' && (class_or_equiv(s, &p) ||
		    repeat(s, &p, second)))
			continue;
		s->ends_class = false;
		c = one(&p);
		if (*p == '-' && p[1] != '\0') {
			p++;
			hi = one(&p);
			if (hi < c) {
				char a[8], b[8];

				(void)snprintf(a, sizeof(a), "%s",
				    printable(&(char){ (char)c }, 1));
				(void)snprintf(b, sizeof(b), "%s",
				    printable(&(char){ (char)hi }, 1));
				cb_errx(1, "range-endpoints of '%s-%s' are in "
				    "reverse collating sequence order", a, b);
			}
			for (; c <= hi; c++)
				add(s, c);
			continue;
		}
		add(s, c);
	}
}

/*
 * GNU's checks of SET2 when translating, in GNU's order.  Each
 * [:upper:] or [:lower:] of SET2 must meet one of those in SET1 at the
 * same place, the place counted after SET2's [c*] fill.
 */
static void
check_translation(const struct set *s1, const struct set *s2)
{
	size_t i, j, at, grow;

	if (s2->has_equiv)
		cb_errx(1, "[=c=] expressions may not appear in string2 when "
		    "translating");
	if (s2->other_class)
		cb_errx(1, "when translating, the only character classes that "
		    "may appear in\nstring2 are 'upper' and 'lower'");
	grow = s2->fill >= 0 && s1->n > s2->n ? s1->n - s2->n : 0;
	for (i = 0; !opt.complement && i < s2->nul; i++) {
		at = s2->ul[i];
		if (s2->fill >= 0 && at >= (size_t)s2->fill)
			at += grow;
		for (j = 0; j < s1->nul && s1->ul[j] != at; j++)
			continue;
		if (j == s1->nul)
			cb_errx(1, "misaligned [:upper:] and/or [:lower:] "
			    "construct");
	}
	if (!opt.truncate && s1->n > s2->n && s2->fill < 0) {
		if (s2->n == 0)
			cb_errx(1, "when not truncating set1, string2 must be "
			    "non-empty");
		if (s2->ends_class)
			cb_errx(1, "when translating with string1 longer than "
			    "string2,\nthe latter string must not end with a "
			    "character class");
	}
}

/* With -c and classes in SET1, SET2 must map everything to one. */
static void
check_complement(const struct set *s1, const struct set *s2)
{
	size_t i;
	bool one_char = s2->n == s1->n;

	for (i = 1; one_char && i < s2->n; i++)
		one_char = s2->c[i] == s2->c[0];
	if (opt.complement && s1->has_class && !one_char)
		cb_errx(1, "when translating with complemented character "
		    "classes,\nstring2 must map all characters in the domain to "
		    "one");
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
	struct set s1 = { .fill = -1 }, s2 = { .fill = -1 };
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
		cb_warnx("missing operand after %s", cb_qc(0, argv[optind]));
		(void)fputs(opt.delete ? "Two strings must be given when both "
		    "deleting and squeezing repeats.\n" : "Two strings must be "
		    "given when translating.\n", stderr);
		cb_usage();
	}
	if (nsets > 2 || (nsets == 2 && opt.delete && !opt.squeeze)) {
		cb_warnx("extra operand %s", cb_qc(0, argv[optind + (nsets > 2 &&
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
	if (s1.nfill > 0)
		cb_errx(1, "the [c*] repeat construct may not appear in string1");
	if (s2.nfill > 1)
		cb_errx(1, "only one [c*] repeat construct may appear in string2");
	if (nsets == 2 && !opt.delete)
		check_translation(&s1, &s2);
	else if (s2.nfill > 0)
		cb_errx(1, "the [c*] construct may appear in string2 only when "
		    "translating");
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
		extend(&s2, s1.n);
		check_complement(&s1, &s2);
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
