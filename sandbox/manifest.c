/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * manifest.c - the manifest's text form, shared by caprun and the shim
 *
 * The decoder runs inside the shim's constructor and the encoder in
 * caprun; both avoid malloc so the shim can use them before anything else
 * and keep the result in memory it makes read-only.
 */
#include <stdbool.h>
#include <string.h>

#include "manifest.h"

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

/*
 * Copy an escaped field up to a delimiter into the pool; NULL if full or
 * if it escapes a NUL, which would cut the name short.
 */
static const char *
pool_unescape(struct manifest *m, const char **sp, const char *stops)
{
	const char *s = *sp;
	char *start = m->pool + m->used;
	size_t n = m->used;
	int hi, lo;

	while (*s != '\0' && strchr(stops, *s) == NULL) {
		if (n + 1 >= sizeof(m->pool))
			return (NULL);
		if (*s == '%') {
			if ((hi = hexval(s[1])) < 0 || (lo = hexval(s[2])) < 0 ||
			    (hi | lo) == 0)
				return (NULL);
			m->pool[n++] = (char)(hi << 4 | lo);
			s += 3;
		} else
			m->pool[n++] = *s++;
	}
	if (n >= sizeof(m->pool))
		return (NULL);
	m->pool[n++] = '\0';
	m->used = n;
	*sp = s;
	return (start);
}

/* A decimal number of at least one digit, at most max. */
static bool
number(const char **sp, unsigned long long max, unsigned long long *v)
{
	const char *s = *sp;
	unsigned int d;

	if (*s < '0' || *s > '9')
		return (false);
	for (*v = 0; *s >= '0' && *s <= '9'; s++) {
		d = (unsigned int)(*s - '0');
		if (*v > (max - d) / 10)
			return (false);
		*v = *v * 10 + d;
	}
	*sp = s;
	return (true);
}

/* mf_lookup() compares names as mf_normalise() leaves them. */
static bool
is_normalised(const char *path)
{
	char norm[PATH_MAX];

	return (mf_normalise("/", path, norm, sizeof(norm)) >= 0 &&
	    strcmp(norm, path) == 0);
}

static int
decode_entry(struct manifest *m, const char **sp, const char **why)
{
	struct mf_entry *e;
	const char *s = *sp;
	unsigned long long fd, w0 = 0, w1 = 0;

	if (m->n >= MF_MAX) {
		*why = "too many entries";
		return (-1);
	}
	e = &m->e[m->n];
	if (!number(&s, 1 << 24, &fd) || *s++ != ',') {
		*why = "bad descriptor number";
		return (-1);
	}
	e->fd = (int)fd;
	e->kind = *s;
	if (e->kind == '\0' || strchr("rwRWfa", e->kind) == NULL ||
	    s[1] != ',') {
		*why = "bad entry kind";
		return (-1);
	}
	s += 2;
	if (e->kind == MF_FD && (!number(&s, ~0ULL, &w0) || *s++ != ',' ||
	    !number(&s, ~0ULL, &w1))) {
		*why = "bad rights";
		return (-1);
	}
	e->rights.cr_rights[0] = w0;
	e->rights.cr_rights[1] = w1;
	if ((e->path = pool_unescape(m, &s, ";")) == NULL) {
		*why = "path too long";
		return (-1);
	}
	e->len = (unsigned int)strlen(e->path);
	if (e->kind == MF_FD ? e->len != 0 : !is_normalised(e->path)) {
		*why = "path not absolute and normalised";
		return (-1);
	}
	m->n++;
	*sp = s;
	return (0);
}

int
mf_decode(struct manifest *m, const char *text, const char **why)
{
	const char *s = text;
	unsigned long long v;

	m->flags = 0;
	m->n = 0;
	m->used = 0;
	m->cwd = "/";
	if (strncmp(s, "v1", 2) != 0 || (s[2] != ';' && s[2] != '\0')) {
		*why = "unknown manifest version";
		return (-1);
	}
	s += 2;
	while (*s == ';') {
		s++;
		if (*s == '\0')
			break;
		if (s[1] != '=') {
			*why = "bad field";
			return (-1);
		}
		s += 2;
		switch (s[-2]) {
		case 'f':
			if (!number(&s, UINT_MAX, &v)) {
				*why = "bad flags";
				return (-1);
			}
			m->flags = (unsigned int)v;
			break;
		case 'c':
			if ((m->cwd = pool_unescape(m, &s, ";")) == NULL ||
			    !is_normalised(m->cwd)) {
				*why = "bad cwd";
				return (-1);
			}
			break;
		case 'e':
			if (decode_entry(m, &s, why) < 0)
				return (-1);
			break;
		default:
			*why = "unknown field";
			return (-1);
		}
	}
	if (*s != '\0') {
		*why = "trailing garbage";
		return (-1);
	}
	return (0);
}

/* Append escaped text; false when it does not fit. */
static int
put_escaped(char *buf, size_t len, size_t *n, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char c;

	for (; (c = (unsigned char)*s) != '\0'; s++) {
		if (*n + 4 >= len)
			return (-1);
		if (c <= ' ' || c >= 0x7f || c == '%' || c == ';' || c == ',') {
			buf[(*n)++] = '%';
			buf[(*n)++] = hex[c >> 4];
			buf[(*n)++] = hex[c & 15];
		} else
			buf[(*n)++] = (char)c;
	}
	buf[*n] = '\0';
	return (0);
}

static int
put_text(char *buf, size_t len, size_t *n, const char *s)
{
	size_t l = strlen(s);

	if (*n + l + 1 >= len)
		return (-1);
	memcpy(buf + *n, s, l + 1);
	*n += l;
	return (0);
}

static void
utoa(unsigned long long v, char out[24])
{
	char tmp[24];
	int i = 0, j = 0;

	do
		tmp[i++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (i > 0)
		out[j++] = tmp[--i];
	out[j] = '\0';
}

int
mf_encode(const struct manifest *m, char *buf, size_t len)
{
	char num[24], kind[4] = { ',', 0, ',', 0 };
	size_t n = 0;

	utoa(m->flags, num);
	if (put_text(buf, len, &n, "v1;f=") < 0 ||
	    put_text(buf, len, &n, num) < 0 ||
	    put_text(buf, len, &n, ";c=") < 0 ||
	    put_escaped(buf, len, &n, m->cwd) < 0)
		return (-1);
	for (unsigned int i = 0; i < m->n; i++) {
		utoa((unsigned long long)m->e[i].fd, num);
		kind[1] = m->e[i].kind;
		if (put_text(buf, len, &n, ";e=") < 0 ||
		    put_text(buf, len, &n, num) < 0 ||
		    put_text(buf, len, &n, kind) < 0)
			return (-1);
		if (m->e[i].kind == MF_FD) {
			utoa(m->e[i].rights.cr_rights[0], num);
			if (put_text(buf, len, &n, num) < 0 ||
			    put_text(buf, len, &n, ",") < 0)
				return (-1);
			utoa(m->e[i].rights.cr_rights[1], num);
			if (put_text(buf, len, &n, num) < 0)
				return (-1);
		}
		if (put_escaped(buf, len, &n, m->e[i].path) < 0)
			return (-1);
	}
	return ((int)n);
}

int
mf_add(struct manifest *m, int fd, char kind, const char *path,
    const cap_rights_t *rights)
{
	size_t l = strlen(path);
	char *p;

	if ((kind != 0 && m->n >= MF_MAX) || m->used + l + 1 > sizeof(m->pool))
		return (-1);
	p = m->pool + m->used;
	memcpy(p, path, l + 1);
	m->used += l + 1;
	if (kind == 0) {
		m->cwd = p;
		return (0);
	}
	m->e[m->n].fd = fd;
	m->e[m->n].kind = kind;
	m->e[m->n].len = (unsigned int)l;
	m->e[m->n].path = p;
	if (rights != NULL)
		m->e[m->n].rights = *rights;
	else
		memset(&m->e[m->n].rights, 0, sizeof(m->e[m->n].rights));
	m->n++;
	return (0);
}

/* Append one component to out, resolving "." and ".." lexically. */
static int
push_component(char *out, size_t *n, size_t len, const char *c, size_t cl)
{
	if (cl == 0 || (cl == 1 && c[0] == '.'))
		return (0);
	if (cl == 2 && c[0] == '.' && c[1] == '.') {
		while (*n > 0 && out[*n - 1] != '/')
			(*n)--;
		if (*n > 1)
			(*n)--;		/* the slash, unless it is the root */
		out[*n] = '\0';
		return (0);
	}
	if (*n + cl + 2 > len)
		return (-1);
	if (*n > 1)
		out[(*n)++] = '/';
	memcpy(out + *n, c, cl);
	*n += cl;
	out[*n] = '\0';
	return (0);
}

static int
push_path(char *out, size_t *n, size_t len, const char *p)
{
	const char *q;

	while (*p != '\0') {
		for (q = p; *q != '\0' && *q != '/'; q++)
			;
		if (push_component(out, n, len, p, (size_t)(q - p)) < 0)
			return (-1);
		p = *q == '/' ? q + 1 : q;
	}
	return (0);
}

int
mf_normalise(const char *cwd, const char *path, char *out, size_t len)
{
	size_t n = 1;

	if (len < 2)
		return (-1);
	out[0] = '/';
	out[1] = '\0';
	if ((path[0] != '/' && push_path(out, &n, len, cwd) < 0) ||
	    push_path(out, &n, len, path) < 0)
		return (-1);
	return ((int)n);
}

const struct mf_entry *
mf_lookup(const struct manifest *m, const char *abs, size_t abslen)
{
	const struct mf_entry *best = NULL;

	for (unsigned int i = 0; i < m->n; i++) {
		const struct mf_entry *e = &m->e[i];

		if (e->kind == MF_FD || e->len > abslen ||
		    (best != NULL && e->len <= best->len))
			continue;
		if (memcmp(abs, e->path, e->len) != 0)
			continue;
		/* Files and ancestors match exactly, directories as prefixes. */
		if (e->len == abslen || ((e->kind == MF_DIR_RO ||
		    e->kind == MF_DIR_RW) && (e->len == 1 ||
		    abs[e->len] == '/')))
			best = e;
	}
	return (best);
}
