/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cb_msg.c - GNU-style messages and the exit status of a usage error
 *
 * This file holds the only program-wide state of capbox besides each
 * applet's option struct: the applet name and its usage exit status, set
 * once by the dispatcher.
 */
#include <ctype.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <wchar.h>
#include <wctype.h>

#include "capbox.h"

const char *cb_progname = "capbox";
int cb_usage_status = 1;

#ifndef __GLIBC__
/*
 * GNU's messages end in glibc's strerror texts; scripts match on them.  A
 * static build links another libc (musl) whose words differ for these
 * errors, so capbox says glibc's in every build.
 */
static const char *const glibc_text[] = {
	[EIO] = "Input/output error",
	[ECHILD] = "No child processes",
	[ENOMEM] = "Cannot allocate memory",
	[EBUSY] = "Device or resource busy",
	[EXDEV] = "Invalid cross-device link",
	[EMFILE] = "Too many open files",
	[ENOTTY] = "Inappropriate ioctl for device",
	[ESPIPE] = "Illegal seek",
	[EDOM] = "Numerical argument out of domain",
	[ERANGE] = "Numerical result out of range",
	[EDEADLK] = "Resource deadlock avoided",
	[ENAMETOOLONG] = "File name too long",
	[ELOOP] = "Too many levels of symbolic links",
	[EOVERFLOW] = "Value too large for defined data type",
	[EILSEQ] = "Invalid or incomplete multibyte or wide character",
	[ENOTSOCK] = "Socket operation on non-socket",
	[EMSGSIZE] = "Message too long",
	[EOPNOTSUPP] = "Operation not supported",
	[ETIMEDOUT] = "Connection timed out",
	[EUCLEAN] = "Structure needs cleaning",
	[EDQUOT] = "Disk quota exceeded",
};
#endif

/* FreeBSD's words for the two Capsicum errors, glibc's for the rest. */
const char *
cb_strerror(int errnum)
{
	if (errnum == ECAPMODE)
		return ("Not permitted in capability mode");
	if (errnum == ENOTCAPABLE)
		return ("Capabilities insufficient");
#ifndef __GLIBC__
	if (errnum > 0 && (size_t)errnum < sizeof(glibc_text) /
	    sizeof(glibc_text[0]) && glibc_text[errnum] != NULL)
		return (glibc_text[errnum]);
#endif
	return (strerror(errnum));
}

static void vmsg(int, const char *, va_list) CB_PRINTF(2, 0);

static void
vmsg(int errnum, const char *fmt, va_list ap)
{
	/* stdout may hold text that belongs before this message. */
	(void)fflush(stdout);
	(void)fprintf(stderr, "%s: ", cb_progname);
	(void)vfprintf(stderr, fmt, ap);
	if (errnum >= 0)
		(void)fprintf(stderr, ": %s", cb_strerror(errnum));
	(void)fputc('\n', stderr);
}

void
cb_warn(const char *fmt, ...)
{
	int saved = errno;
	va_list ap;

	va_start(ap, fmt);
	vmsg(saved, fmt, ap);
	va_end(ap);
	errno = saved;
}

void
cb_vwarnx(const char *fmt, va_list ap)
{
	int saved = errno;

	vmsg(-1, fmt, ap);
	errno = saved;
}

void
cb_warnx(const char *fmt, ...)
{
	int saved = errno;
	va_list ap;

	va_start(ap, fmt);
	vmsg(-1, fmt, ap);
	va_end(ap);
	errno = saved;
}

void
cb_err(int status, const char *fmt, ...)
{
	int saved = errno;
	va_list ap;

	va_start(ap, fmt);
	vmsg(saved, fmt, ap);
	va_end(ap);
	exit(status);
}

void
cb_errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(-1, fmt, ap);
	va_end(ap);
	exit(status);
}

void
cb_usage(void)
{
	(void)fflush(stdout);
	(void)fprintf(stderr, "Try '%s --help' for more information.\n",
	    cb_progname);
	exit(cb_usage_status);
}

void
cb_unsupported(const char *option)
{
	cb_warnx("option '%s' is not supported", option);
	cb_usage();
}

/*
 * GNU quotes with single quotes, and switches to double quotes when the
 * text holds a single quote; control characters are rare enough in
 * operands that they are shown as they are.  Four slots let one message
 * quote several strings.
 */
const char *
cb_q(int slot, const char *s)
{
	static char *buf[4];
	size_t len = strlen(s);
	char q = strchr(s, '\'') != NULL ? '"' : '\'';
	char *p;

	slot &= 3;
	if ((p = realloc(buf[slot], len + 3)) == NULL)
		return (s);
	buf[slot] = p;
	p[0] = q;
	memcpy(p + 1, s, len);
	p[len + 1] = q;
	p[len + 2] = '\0';
	return (p);
}

void
cb_ctype(void)
{
	static bool done;
	int e;

	if (!done) {
		/* Often called in the arguments of a message that says errno. */
		e = errno;
		done = true;
		(void)setlocale(LC_CTYPE, "");
		errno = e;
	}
}

size_t
cb_char_at(const char *s, bool *printable)
{
	unsigned char c = (unsigned char)*s;
	mbstate_t st;
	wchar_t wc;
	size_t n;
	int e;

	cb_ctype();
	if (c < 0x80 || MB_CUR_MAX == 1) {
		*printable = c < 0x80 ? c >= 0x20 && c < 0x7f : isprint(c);
		return (1);
	}
	memset(&st, 0, sizeof(st));
	/* Quoting happens in the arguments of a message that says errno. */
	e = errno;
	n = mbrtowc(&wc, s, strlen(s), &st);
	errno = e;
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*printable = false;
		return (1);
	}
	*printable = iswprint((wint_t)wc) != 0;
	return (n);
}

char *
cb_escape_byte(char *p, unsigned char c)
{
	static const char from[] = "\a\b\f\n\r\t\v", to[] = "abfnrtv";
	const char *e = c != '\0' ? strchr(from, c) : NULL;

	*p++ = '\\';
	if (e != NULL) {
		*p++ = to[e - from];
		return (p);
	}
	return (p + sprintf(p, "%03o", c));
}

/*
 * GNU's quote(): in the C locale 'x' with \\, \' and C escapes, and octal
 * for what cannot be printed; in a UTF-8 locale \u2018x\u2019, where ' needs
 * no escape but \u2019 does, and printable characters stay as they are.
 */
const char *
cb_qc(int slot, const char *s)
{
	static char *buf[4];
	const char *lq = "'", *rq = "'";
	size_t len = strlen(s), n, k, rql;
	bool pr;
	char *p;

	cb_ctype();
	if (MB_CUR_MAX > 1 && strcmp(nl_langinfo(CODESET), "UTF-8") == 0) {
		lq = "\342\200\230";
		rq = "\342\200\231";
	}
	rql = strlen(rq);
	slot &= 3;
	if ((p = realloc(buf[slot], len * 4 + 7)) == NULL)
		return (s);
	buf[slot] = p;
	p = stpcpy(p, lq);
	while (*s != '\0') {
		unsigned char c = (unsigned char)*s;

		n = cb_char_at(s, &pr);
		if (c == '\\' || strncmp(s, rq, rql) == 0) {
			*p++ = '\\';
			memcpy(p, s, c == '\\' ? 1 : rql);
			p += c == '\\' ? 1 : rql;
			s += c == '\\' ? 1 : rql;
			continue;
		}
		if (!pr) {
			for (k = 0; k < n; k++)
				p = cb_escape_byte(p, (unsigned char)s[k]);
		} else {
			memcpy(p, s, n);
			p += n;
		}
		s += n;
	}
	p = stpcpy(p, rq);
	return (buf[slot]);
}
