/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * echo.c - display a line of text
 *
 * usage: echo [-neE] [STRING]...
 *
 * Echo the STRING(s) to standard output.
 *
 *   -n    do not output the trailing newline
 *   -e    enable interpretation of backslash escapes
 *   -E    disable interpretation of backslash escapes (default)
 *
 * With -e: \\ backslash, \a alert, \b backspace, \c produce no further
 * output, \e escape, \f form feed, \n new line, \r carriage return,
 * \t horizontal tab, \v vertical tab, \0NNN byte with octal value NNN,
 * \xHH byte with hexadecimal value HH.
 */
#include "capbox.h"

APPLET(echo, 1, CB_RAWARGS)

static struct {
	bool	newline, escapes;
} opt = { .newline = true };

/* An argument made only of n, e and E letters is options, as in GNU. */
static bool
is_options(const char *s)
{
	if (s[0] != '-' || s[1] == '\0')
		return (false);
	return (strspn(s + 1, "neE") == strlen(s + 1));
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/* One escape at s (after the backslash); returns false for \c. */
static bool
escape(const char **sp)
{
	static const char from[] = "\\abefnrtv", to[] = "\\\a\b\033\f\n\r\t\v";
	const char *s = *sp, *p;
	int c = 0, i, k;

	if (*s != '\0' && (p = strchr(from, *s)) != NULL) {
		(void)putchar(to[p - from]);
		*sp = s + 1;
		return (true);
	}
	if (*s == 'c')
		return (false);
	if (*s == 'x' && hexval(s[1]) >= 0) {
		for (i = 1; i <= 2 && hexval(s[i]) >= 0; i++)
			c = c * 16 + hexval(s[i]);
		(void)putchar(c);
		*sp = s + i;
		return (true);
	}
	/* \0NNN and \NNN: up to three octal digits after the 0. */
	if (*s >= '0' && *s <= '7') {
		i = *s == '0' ? 1 : 0;
		for (k = i; i < k + 3 && s[i] >= '0' && s[i] <= '7'; i++)
			c = c * 8 + (s[i] - '0');
		(void)putchar(c & 0xff);
		*sp = s + i;
		return (true);
	}
	(void)putchar('\\');
	return (true);
}

static bool
put_escaped(const char *s)
{
	while (*s != '\0') {
		if (*s != '\\') {
			(void)putchar(*s++);
			continue;
		}
		s++;
		if (!escape(&s))
			return (false);
	}
	return (true);
}

int
echo_main(int argc, char *argv[])
{
	int i = 1;
	const char *p;

	for (; i < argc && is_options(argv[i]); i++) {
		for (p = argv[i] + 1; *p != '\0'; p++) {
			if (*p == 'n')
				opt.newline = false;
			else
				opt.escapes = *p == 'e';
		}
	}
	cb_limit_stdio();
	cb_enter();
	for (; i < argc; i++) {
		if (opt.escapes) {
			if (!put_escaped(argv[i]))
				return (cb_finish(0));
		} else {
			(void)fputs(argv[i], stdout);
		}
		if (i + 1 < argc)
			(void)putchar(' ');
	}
	if (opt.newline)
		(void)putchar('\n');
	return (cb_finish(0));
}
