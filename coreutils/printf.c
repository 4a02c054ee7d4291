/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * printf.c - format and print data
 *
 * usage: printf FORMAT [ARGUMENT]...
 *
 * Print ARGUMENT(s) according to FORMAT.  FORMAT controls the output as
 * in C printf.  Interpreted sequences are:
 *
 *   \"      double quote
 *   \\      backslash
 *   \a      alert (BEL)
 *   \b      backspace
 *   \c      produce no further output
 *   \e      escape
 *   \f      form feed
 *   \n      new line
 *   \r      carriage return
 *   \t      horizontal tab
 *   \v      vertical tab
 *   \NNN    byte with octal value NNN (1 to 3 digits)
 *   \xHH    byte with hexadecimal value HH (1 to 2 digits)
 *   \uHHHH  Unicode (ISO/IEC 10646) character with hex value HHHH (4 digits)
 *   \UHHHHHHHH  Unicode character with hex value HHHHHHHH (8 digits)
 *   %%      a single %
 *   %b      ARGUMENT as a string with '\' escapes interpreted, except that
 *           octal escapes are of the form \0 or \0NNN
 *   %q      ARGUMENT is printed in a format that can be reused as shell
 *           input, escaping non-printable characters with the proposed
 *           POSIX $'' syntax
 *
 * and all C format specifications ending with one of diouxXfeEgGcs, with
 * ARGUMENTs converted to proper type first.  Variable widths are handled.
 * A numeric ARGUMENT may be a character constant: 'c or "c is the value
 * of the character c.  The FORMAT is reused as necessary to consume all
 * of the ARGUMENTs.
 */
#include <ctype.h>
#include <inttypes.h>
#include <langinfo.h>
#include <locale.h>
#include <wchar.h>
#include <wctype.h>

#include "capbox.h"

APPLET(printf, 1, CB_RAWARGS)

static int status;
static bool utf8;

/* A message about an argument; the run goes on, exit status 1. */
static void
check_num(const char *s, const char *end)
{
	/* musl sets EINVAL where glibc converts nothing. */
	if (errno == ERANGE) {
		cb_warnx("%s: %s", cb_qc(0, s), cb_strerror(ERANGE));
		status = 1;
	} else if (errno != 0 && errno != EINVAL) {
		cb_warn("%s", cb_qc(0, s));
		status = 1;
	} else if (*end != '\0') {
		if (s == end)
			cb_warnx("%s: expected a numeric value", cb_qc(0, s));
		else
			cb_warnx("%s: value not completely converted",
			    cb_qc(0, s));
		status = 1;
	}
}

/*
 * 'c and "c: the character's value (a multibyte character's code point
 * in a multibyte locale).  Returns false when s is not one.
 */
static bool
char_const(const char *s, uintmax_t *v)
{
	mbstate_t mbs;
	wchar_t wc;
	size_t n;

	if (!((*s == '"' || *s == '\'') && s[1] != '\0'))
		return (false);
	*v = (unsigned char)*++s;
	if (MB_CUR_MAX > 1 && s[1] != '\0') {
		memset(&mbs, 0, sizeof(mbs));
		n = mbrtowc(&wc, s, strlen(s), &mbs);
		if (n != (size_t)-1 && n != (size_t)-2 && n > 0) {
			*v = (uintmax_t)wc;
			s += n - 1;
		}
	}
	if (*++s != '\0')
		cb_warnx("warning: %s: character(s) following character "
		    "constant have been ignored", s);
	return (true);
}

static intmax_t
num_signed(const char *s)
{
	uintmax_t c;
	intmax_t v;
	char *end;

	if (char_const(s, &c))
		return ((intmax_t)c);
	errno = 0;
	v = strtoimax(s, &end, 0);
	check_num(s, end);
	return (v);
}

static uintmax_t
num_unsigned(const char *s)
{
	uintmax_t v;
	char *end;

	if (char_const(s, &v))
		return (v);
	errno = 0;
	v = strtoumax(s, &end, 0);
	check_num(s, end);
	return (v);
}

static long double
num_float(const char *s)
{
	uintmax_t c;
	long double v;
	char *end;

	if (char_const(s, &c))
		return ((long double)c);
	errno = 0;
	v = strtold(s, &end);
	check_num(s, end);
	return (v);
}

static void
put_unicode(unsigned int u)
{
	char buf[8];
	int n = 0;

	if (u < 0x80) {
		(void)putchar((int)u);
		return;
	}
	if (!utf8) {
		/* Not representable here: GNU prints the escape itself. */
		(void)printf(u < 0x10000 ? "\\u%04X" : "\\U%08X", u);
		return;
	}
	if (u < 0x800) {
		buf[n++] = (char)(0xc0 | u >> 6);
	} else if (u < 0x10000) {
		buf[n++] = (char)(0xe0 | u >> 12);
		buf[n++] = (char)(0x80 | (u >> 6 & 0x3f));
	} else {
		buf[n++] = (char)(0xf0 | u >> 18);
		buf[n++] = (char)(0x80 | (u >> 12 & 0x3f));
		buf[n++] = (char)(0x80 | (u >> 6 & 0x3f));
	}
	buf[n++] = (char)(0x80 | (u & 0x3f));
	(void)fwrite(buf, 1, (size_t)n, stdout);
}

static int
hexval(int c)
{
	return (c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ?
	    c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1);
}

/*
 * One escape at s (the backslash); returns how many characters after the
 * backslash it took.  %b's octal escapes are \0NNN (octal0).
 */
static int
escape(const char *s, bool octal0)
{
	static const char from[] = "\"\\abefnrtv";
	static const char to[] = "\"\\\a\b\033\f\n\r\t\v";
	const char *p = s + 1, *q;
	unsigned int v = 0;
	int n, want;

	if (*p == 'x') {
		for (n = 0, p++; n < 2 && hexval(*p) >= 0; n++, p++)
			v = v * 16 + (unsigned int)hexval(*p);
		if (n == 0)
			cb_errx(1, "missing hexadecimal number in escape");
		(void)putchar((int)v);
	} else if (*p >= '0' && *p <= '7') {
		if (octal0 && *p == '0')
			p++;
		for (n = 0; n < 3 && *p >= '0' && *p <= '7'; n++, p++)
			v = v * 8 + (unsigned int)(*p - '0');
		(void)putchar((int)(v & 0xff));
	} else if (*p == 'c') {
		exit(cb_finish(0));
	} else if (*p != '\0' && (q = strchr(from, *p)) != NULL) {
		(void)putchar(to[q - from]);
		p++;
	} else if (*p == 'u' || *p == 'U') {
		char which = *p;

		for (want = which == 'u' ? 4 : 8, p++; want > 0; want--, p++) {
			if (hexval(*p) < 0)
				cb_errx(1, "missing hexadecimal number in "
				    "escape");
			v = v * 16 + (unsigned int)hexval(*p);
		}
		if ((v <= 0x9f && v != 0x24 && v != 0x40 && v != 0x60) ||
		    (v >= 0xd800 && v <= 0xdfff))
			cb_errx(1, "invalid universal character name \\%c%0*x",
			    which, which == 'u' ? 4 : 8, v);
		put_unicode(v);
	} else {
		(void)putchar('\\');
		if (*p != '\0')
			(void)putchar(*p++);
	}
	return ((int)(p - s - 1));
}

static void
put_escaped(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\')
			s += escape(s, true);
		else
			(void)putchar(*s);
	}
}

/* ---- %q: GNU's shell-escape quoting ---- */

/* Length of a printable multibyte character at s, or 0. */
static size_t
printable_mb(const char *s)
{
	mbstate_t mbs;
	wchar_t wc;
	size_t n;

	if ((unsigned char)*s < 0x80)
		return (0);
	if (MB_CUR_MAX == 1)
		return (0);
	memset(&mbs, 0, sizeof(mbs));
	n = mbrtowc(&wc, s, strlen(s), &mbs);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0 || !iswprint(wc))
		return (0);
	return (n);
}

static bool
is_plain(unsigned char c)
{
	return (c >= 0x20 && c < 0x7f);
}

static void
put_quoted(const char *s)
{
	static const char special[] = " !\"$&'()*;<=>?[\\]^`|";
	const char *p;
	const char *last = s;
	bool quote = *s == '\0', squote = false, dq_ok = true, in_run;
	size_t mb;

	for (p = s; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		last = p;
		if ((mb = printable_mb(p)) > 0) {
			p += mb - 1;
			continue;
		}
		if (!is_plain(c)) {
			quote = true;
			dq_ok = false;
		} else if (c == '\'') {
			quote = squote = true;
		} else if (c != ']' && strchr(special, c) != NULL) {
			quote = true;
			if (c != ' ')
				dq_ok = false;
		} else if (c == '#' || c == '~') {
			/* Special first; elsewhere kept from double quotes. */
			if (p == s)
				quote = true;
			else
				dq_ok = false;
		} else if (c == '{' || c == '}') {
			/* A lone brace is special (gnulib's rule). */
			if (s[1] == '\0')
				quote = true;
			else
				dq_ok = false;
		}
	}
	if (!quote) {
		(void)fputs(s, stdout);
		return;
	}
	if (squote && dq_ok) {
		(void)printf("\"%s\"", s);
		return;
	}
	/*
	 * GNU's quoting, quirks included: outside a $'...' run every
	 * character sits in single quotes; a run is closed only when a
	 * printable character follows.  A string with a quote that double
	 * quotes cannot carry is quoted twice by gnulib, and the second pass
	 * starts in the state the first ended in: inside a run when the
	 * string ends with an unprintable byte.
	 */
	in_run = squote && !printable_mb(last) && !is_plain(*last);
	(void)putchar('\'');
	for (p = s; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;
		const char *esc;

		if ((mb = printable_mb(p)) > 0 || is_plain(c)) {
			if (c == '\'') {
				(void)fputs("'\\''", stdout);
				in_run = false;
				continue;
			}
			if (in_run)
				(void)fputs("''", stdout);
			in_run = false;
			(void)fwrite(p, 1, mb > 0 ? mb : 1, stdout);
			if (mb > 0)
				p += mb - 1;
			continue;
		}
		if (!in_run)
			(void)fputs("'$'", stdout);
		in_run = true;
		esc = c == '\a' ? "\\a" : c == '\b' ? "\\b" :
		    c == '\f' ? "\\f" : c == '\n' ? "\\n" :
		    c == '\r' ? "\\r" : c == '\t' ? "\\t" :
		    c == '\v' ? "\\v" : NULL;
		if (esc != NULL)
			(void)fputs(esc, stdout);
		else
			(void)printf("\\%03o", c);
	}
	(void)putchar('\'');
}

/* ---- directives ---- */

/*
 * A conversion libc cannot do (a width or precision beyond INT_MAX:
 * EOVERFLOW) fails like a write, as in GNU's printf, never silently.
 */
static void
checked(int r)
{
	if (r < 0)
		cb_err(1, "write error");
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wformat-security"
static void
put_int(const char *fmt, int nstar, int w, int prec, intmax_t v)
{
	if (nstar == 0)
		checked(printf(fmt, v));
	else if (nstar == 1)
		checked(printf(fmt, w, v));
	else if (nstar == 2)
		checked(printf(fmt, prec, v));
	else
		checked(printf(fmt, w, prec, v));
}

static void
put_uint(const char *fmt, int nstar, int w, int prec, uintmax_t v)
{
	if (nstar == 0)
		checked(printf(fmt, v));
	else if (nstar == 1)
		checked(printf(fmt, w, v));
	else if (nstar == 2)
		checked(printf(fmt, prec, v));
	else
		checked(printf(fmt, w, prec, v));
}

static void
put_float(const char *fmt, int nstar, int w, int prec, long double v)
{
	if (nstar == 0)
		checked(printf(fmt, v));
	else if (nstar == 1)
		checked(printf(fmt, w, v));
	else if (nstar == 2)
		checked(printf(fmt, prec, v));
	else
		checked(printf(fmt, w, prec, v));
}

static void
put_str(const char *fmt, int nstar, int w, int prec, const char *v)
{
	if (nstar == 0)
		checked(printf(fmt, v));
	else if (nstar == 1)
		checked(printf(fmt, w, v));
	else if (nstar == 2)
		checked(printf(fmt, prec, v));
	else
		checked(printf(fmt, w, prec, v));
}

static void
put_char(const char *fmt, int nstar, int w, int c)
{
	if (nstar == 0)
		checked(printf(fmt, c));
	else
		checked(printf(fmt, w, c));
}
#pragma GCC diagnostic pop

/*
 * One directive: dir[0..len) is "%" flags width precision (length
 * modifiers removed), conv the conversion.  nstar: 1 width from '*',
 * 2 precision from '*', 3 both.
 */
static void
directive(const char *dir, size_t len, char conv, int nstar, int w, int prec,
    const char *arg)
{
	char *fmt;

	if ((fmt = malloc(len + 3)) == NULL)
		cb_err(1, "malloc");
	memcpy(fmt, dir, len);
	fmt[len] = '\0';
	if (strchr("diouxX", conv) != NULL)
		fmt[len++] = 'j';
	else if (strchr("aAeEfFgG", conv) != NULL)
		fmt[len++] = 'L';
	fmt[len++] = conv;
	fmt[len] = '\0';
	switch (conv) {
	case 'd':
	case 'i':
		put_int(fmt, nstar, w, prec, num_signed(arg));
		break;
	case 'o':
	case 'u':
	case 'x':
	case 'X':
		put_uint(fmt, nstar, w, prec, num_unsigned(arg));
		break;
	case 'c':
		put_char(fmt, nstar, w, *arg);
		break;
	case 's':
		put_str(fmt, nstar, w, prec, arg);
		break;
	default:
		put_float(fmt, nstar, w, prec, num_float(arg));
		break;
	}
	free(fmt);
}

/* Print the format once; returns how many arguments it used. */
static int
print_formatted(const char *format, int argc, char **argv)
{
	int save = argc, nstar, w = 0, prec = 0;
	const char *f, *start;
	size_t len;
	bool ok[256];
	intmax_t v;

	for (f = format; *f != '\0'; f++) {
		if (*f == '\\') {
			f += escape(f, false);
			continue;
		}
		if (*f != '%') {
			(void)putchar(*f);
			continue;
		}
		start = f++;
		len = 1;
		nstar = 0;
		if (*f == '%') {
			(void)putchar('%');
			continue;
		}
		if (*f == 'b' || *f == 'q') {
			if (argc > 0) {
				if (*f == 'b')
					put_escaped(*argv);
				else
					put_quoted(*argv);
				argv++;
				argc--;
			}
			continue;
		}
		memset(ok, 0, sizeof(ok));
		ok['a'] = ok['A'] = ok['c'] = ok['d'] = ok['e'] = ok['E'] =
		    ok['f'] = ok['F'] = ok['g'] = ok['G'] = ok['i'] = ok['o'] =
		    ok['s'] = ok['u'] = ok['x'] = ok['X'] = true;
		for (;; f++, len++) {
			if (*f == '\'' || *f == 'I') {
				ok['a'] = ok['A'] = ok['c'] = ok['e'] =
				    ok['E'] = ok['o'] = ok['s'] = ok['x'] =
				    ok['X'] = false;
			} else if (*f == '#') {
				ok['c'] = ok['d'] = ok['i'] = ok['s'] =
				    ok['u'] = false;
			} else if (*f == '0') {
				ok['c'] = ok['s'] = false;
			} else if (!(*f == '-' || *f == '+' || *f == ' ')) {
				break;
			}
		}
		if (*f == '*') {
			f++;
			len++;
			w = 0;
			if (argc > 0) {
				v = num_signed(*argv);
				if (v < INT_MIN || v > INT_MAX)
					cb_errx(1, "invalid field width: %s",
					    cb_qc(0, *argv));
				w = (int)v;
				argv++;
				argc--;
			}
			nstar |= 1;
		} else {
			for (; isdigit((unsigned char)*f); f++)
				len++;
		}
		if (*f == '.') {
			f++;
			len++;
			ok['c'] = false;
			if (*f == '*') {
				f++;
				len++;
				prec = 0;
				if (argc > 0) {
					v = num_signed(*argv);
					if (v < 0)
						prec = -1;
					else if (v > INT_MAX)
						cb_errx(1, "invalid precision: "
						    "%s", cb_qc(0, *argv));
					else
						prec = (int)v;
					argv++;
					argc--;
				}
				nstar |= 2;
			} else {
				for (; isdigit((unsigned char)*f); f++)
					len++;
			}
		}
		while (*f == 'l' || *f == 'L' || *f == 'h' || *f == 'j' ||
		    *f == 't' || *f == 'z')
			f++;
		if (!ok[(unsigned char)*f])
			cb_errx(1, "%.*s: invalid conversion specification",
			    (int)(f + 1 - start), start);
		directive(start, len, *f, nstar, w, prec, argc > 0 ?
		    (argc--, *argv++) : "");
	}
	return (save - argc);
}

int
printf_main(int argc, char *argv[])
{
	const char *format, *cs;
	int used;

	argv++;
	argc--;
	if (argc > 0 && strcmp(argv[0], "--") == 0) {
		argv++;
		argc--;
	}
	if (argc < 1) {
		cb_warnx("missing operand");
		cb_usage();
	}
	cb_locale();
	cs = nl_langinfo(CODESET);
	utf8 = cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0);
	cb_limit_stdio();
	cb_enter();

	format = *argv++;
	argc--;
	do {
		used = print_formatted(format, argc, argv);
		argc -= used;
		argv += used;
	} while (used > 0 && argc > 0);
	if (argc > 0)
		cb_warnx("warning: ignoring excess arguments, starting with %s",
		    cb_qc(0, argv[0]));
	return (cb_finish(status));
}
