/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_manifest.c - caprun's manifest: decode, encode, lookup
 *
 * The manifest is the text caprun leaves in CAPRUN_MANIFEST and the shim
 * decodes in its constructor (sandbox/manifest.c).  Three kinds of input,
 * chosen by the first byte:
 *
 *   'v'...   manifest text, then NUL-separated paths to look up;
 *   '*' K    "head\1body\1tail": the text head + body x 4K + tail (long
 *            manifests: a full pool, too many entries), then as 'v';
 *   'B'      four bytes of flags, then NUL-separated records: the cwd,
 *            then entries (kind, three bytes of fd, the path, or sixteen
 *            bytes of rights for a descriptor), added with mf_add().
 *
 * Properties:
 *   - mf_decode accepts exactly what a reference decoder written here
 *     accepts (the grammar of manifest.h, numbers that fit, escapes that
 *     are not NUL, absolute normalised paths, none for a descriptor, the
 *     pool's size), with the same fields;
 *   - whatever decodes, encodes into caprun's buffer, decodes again to
 *     the same manifest and encodes to the same text;
 *   - a manifest built with mf_add encodes and decodes to itself;
 *   - mf_normalise and mf_lookup agree with tests/fuzz/pathref.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "manifest.h"
#include "pathref.h"

#define TEXT_MAX	(MF_POOL * 3 + 4096)	/* caprun's buffer */
#define FAIL(...)	do {						\
		fprintf(stderr, "fuzz_manifest: " __VA_ARGS__);		\
		fputc('\n', stderr);					\
		abort();						\
	} while (0)

/* The reference decoder's result. */
struct ref_entry {
	unsigned long long	fd, rights[2];
	char			kind;
	const char		*path;
	size_t			len;
};

struct ref_mf {
	unsigned long long	flags;
	const char		*cwd;
	struct ref_entry	e[MF_MAX];
	unsigned int		n;
	size_t			used;
	char			pool[MF_POOL + 1];
};

static struct manifest m1, m2, mb;
static struct ref_mf ref;
static char text1[TEXT_MAX], text2[TEXT_MAX];
static struct ref_path rp;

static int
ref_hex(int c)
{
	const char *digits = "0123456789abcdef", *p;

	if (c >= 'A' && c <= 'F')
		c += 'a' - 'A';
	if (c == '\0' || (p = strchr(digits, c)) == NULL)
		return (-1);
	return ((int)(p - digits));
}

/* At least one digit, at most max. */
static int
ref_number(const char **sp, unsigned long long max, unsigned long long *v)
{
	const char *s = *sp;

	*v = 0;
	if (*s < '0' || *s > '9')
		return (-1);
	for (; *s >= '0' && *s <= '9'; s++) {
		unsigned int d = (unsigned int)(*s - '0');

		if (*v > max / 10 || *v * 10 > max - d)
			return (-1);
		*v = *v * 10 + d;
	}
	*sp = s;
	return (0);
}

/* An escaped string up to ';' into the pool: L bytes take L + 1. */
static const char *
ref_string(const char **sp)
{
	const char *s = *sp;
	char *start = ref.pool + ref.used;
	size_t l = 0;
	int hi, lo;

	for (; *s != '\0' && *s != ';'; l++) {
		char c;

		if (*s == '%') {
			if ((hi = ref_hex(s[1])) < 0 || (lo = ref_hex(s[2])) < 0)
				return (NULL);
			c = (char)(hi * 16 + lo);
			s += 3;
		} else
			c = *s++;
		if (c == '\0' || ref.used + l + 1 >= sizeof(ref.pool))
			return (NULL);
		start[l] = c;
	}
	if (ref.used + l + 1 > MF_POOL)
		return (NULL);
	start[l] = '\0';
	ref.used += l + 1;
	*sp = s;
	return (start);
}

static int
ref_decode(const char *s)
{
	struct ref_entry *e;

	memset(&ref, 0, offsetof(struct ref_mf, pool));
	ref.cwd = "/";
	if (strncmp(s, "v1", 2) != 0)
		return (-1);
	s += 2;
	while (*s != '\0') {
		if (*s++ != ';')
			return (-1);
		if (*s == '\0')
			break;
		if (s[1] != '=')
			return (-1);
		switch ((s += 2)[-2]) {
		case 'f':
			if (ref_number(&s, UINT_MAX, &ref.flags) < 0)
				return (-1);
			break;
		case 'c':
			if ((ref.cwd = ref_string(&s)) == NULL ||
			    !ref_is_normal(ref.cwd))
				return (-1);
			break;
		case 'e':
			if (ref.n >= MF_MAX)
				return (-1);
			e = &ref.e[ref.n++];
			if (ref_number(&s, 1 << 24, &e->fd) < 0 || *s++ != ',' ||
			    *s == '\0' || strchr("rwRWfa", *s) == NULL)
				return (-1);
			e->kind = *s++;
			if (*s++ != ',')
				return (-1);
			if (e->kind == MF_FD && (ref_number(&s, ULLONG_MAX,
			    &e->rights[0]) < 0 || *s++ != ',' ||
			    ref_number(&s, ULLONG_MAX, &e->rights[1]) < 0))
				return (-1);
			if ((e->path = ref_string(&s)) == NULL)
				return (-1);
			e->len = strlen(e->path);
			if (e->kind == MF_FD ? e->len != 0 :
			    !ref_is_normal(e->path))
				return (-1);
			break;
		default:
			return (-1);
		}
	}
	return (0);
}

static void
same_as_ref(const struct manifest *m, const char *text)
{
	if (m->flags != ref.flags || m->n != ref.n || strcmp(m->cwd, ref.cwd))
		FAIL("%s: flags, entries or cwd differ from the reference",
		    text);
	for (unsigned int i = 0; i < m->n; i++) {
		const struct mf_entry *a = &m->e[i];
		const struct ref_entry *b = &ref.e[i];

		if ((unsigned long long)a->fd != b->fd || a->kind != b->kind ||
		    a->len != b->len || strcmp(a->path, b->path) != 0 ||
		    a->rights.cr_rights[0] != b->rights[0] ||
		    a->rights.cr_rights[1] != b->rights[1])
			FAIL("%s: entry %u differs from the reference", text, i);
	}
}

static void
same_manifest(const struct manifest *a, const struct manifest *b,
    const char *what)
{
	if (a->flags != b->flags || a->n != b->n || strcmp(a->cwd, b->cwd))
		FAIL("%s: flags, entries or cwd differ", what);
	for (unsigned int i = 0; i < a->n; i++)
		if (a->e[i].fd != b->e[i].fd || a->e[i].kind != b->e[i].kind ||
		    a->e[i].len != b->e[i].len || memcmp(&a->e[i].rights,
		    &b->e[i].rights, sizeof(a->e[i].rights)) != 0 ||
		    strcmp(a->e[i].path, b->e[i].path) != 0)
			FAIL("%s: entry %u differs", what, i);
}

/* Invariants of a decoded manifest that the shim relies on. */
static void
check_decoded(const struct manifest *m)
{
	if (m->n > MF_MAX || m->used > sizeof(m->pool) || m->cwd == NULL ||
	    !ref_is_normal(m->cwd))
		FAIL("decoded manifest: bad count, pool use or cwd");
	for (unsigned int i = 0; i < m->n; i++) {
		const struct mf_entry *e = &m->e[i];

		if (e->path < m->pool || e->path >= m->pool + m->used ||
		    e->len != strlen(e->path) || e->fd < 0 ||
		    e->fd > 1 << 24 || strchr("rwRWfa", e->kind) == NULL ||
		    e->kind == '\0')
			FAIL("entry %u: bad path, fd or kind", i);
		if (e->kind == MF_FD ? e->len != 0 : !ref_is_normal(e->path))
			FAIL("entry %u: path %s", i, e->path);
	}
}

/* Encode, decode, encode: the same manifest and the same text. */
static void
round_trip(const struct manifest *m, const char *what)
{
	const char *why;
	int l1, l2;

	if ((l1 = mf_encode(m, text1, sizeof(text1))) < 0)
		FAIL("%s: does not encode", what);
	if ((size_t)l1 != strlen(text1))
		FAIL("%s: encoded length", what);
	if (mf_decode(&m2, text1, &why) < 0)
		FAIL("%s: encoded as %s, which does not decode: %s", what,
		    text1, why);
	same_manifest(m, &m2, what);
	if ((l2 = mf_encode(&m2, text2, sizeof(text2))) < 0 || l1 != l2 ||
	    strcmp(text1, text2) != 0)
		FAIL("%s: encodes differently the second time", what);
	if (ref_decode(text1) < 0)
		FAIL("%s: the reference refuses its encoding %s", what, text1);
	same_as_ref(m, text1);
}

/* The paths after the text: normalise them, look them up. */
static void
lookups(const struct manifest *m, const char *p, const char *end)
{
	char abs[PATH_MAX];
	const struct mf_entry *e, *want;
	int n, fits;

	for (; p < end; p += strlen(p) + 1) {
		n = mf_normalise("/", p, abs, sizeof(abs));
		ref_normalise(&rp, "/", p);
		fits = ref_fits(&rp);
		if ((n < 0 && fits == 1) || (n >= 0 && fits == 0))
			FAIL("mf_normalise(%s): %d, reference peak %zu", p, n,
			    rp.peak);
		if (n < 0)
			continue;
		if ((size_t)n != rp.len || strcmp(abs, rp.s) != 0)
			FAIL("mf_normalise(%s) = %s, reference %s", p, abs,
			    rp.s);
		e = mf_lookup(m, abs, (size_t)n);
		want = ref_lookup(m, abs);
		if (e != want)
			FAIL("mf_lookup(%s) = %s, reference %s", abs,
			    e == NULL ? "none" : e->path,
			    want == NULL ? "none" : want->path);
	}
}

static void
decode_text(const char *text, const char *rest, const char *end)
{
	const char *why;
	int r = mf_decode(&m1, text, &why), want = ref_decode(text);

	if ((r < 0) != (want < 0))
		FAIL("mf_decode(%.200s): %s, the reference %s", text,
		    r < 0 ? why : "accepted", want < 0 ? "refuses" :
		    "accepts");
	if (r < 0)
		return;
	same_as_ref(&m1, "decoded");
	check_decoded(&m1);
	round_trip(&m1, "decoded");
	lookups(&m1, rest, end);
}

/* 'B': build with mf_add, which must refuse only when full. */
static void
build(const uint8_t *d, size_t size)
{
	static const char kinds[] = "rwRWfa";
	char path[PATH_MAX], *buf, *p, *end;
	cap_rights_t rights;
	int fd, r;

	if (size < 4)
		return;
	memset(&mb, 0, offsetof(struct manifest, pool));
	mb.flags = (unsigned int)d[0] | (unsigned int)d[1] << 8 |
	    (unsigned int)d[2] << 16 | (unsigned int)d[3] << 24;
	if ((buf = malloc(size - 4 + 1)) == NULL)
		abort();
	memcpy(buf, d + 4, size - 4);
	buf[size - 4] = '\0';
	end = buf + size - 4;
	if (mf_normalise("/", buf, path, sizeof(path)) < 0 ||
	    mf_add(&mb, -1, 0, path, NULL) < 0)
		goto out;
	for (p = buf + strlen(buf) + 1; p < end; p += strlen(p) + 1) {
		size_t l = strlen(p);
		bool full;
		char kind;

		if (l < 4)
			continue;
		kind = kinds[(unsigned char)p[0] % 6];
		fd = ((unsigned char)p[1] | (unsigned char)p[2] << 8 |
		    (unsigned char)p[3] << 16) % ((1 << 24) + 1);
		memset(&rights, 0, sizeof(rights));
		p += 4;
		l -= 4;
		if (kind == MF_FD) {
			for (size_t i = 0; i < 16 && i < l; i++)
				rights.cr_rights[i / 8] = rights.cr_rights[i / 8] <<
				    8 | (unsigned char)p[i];
			path[0] = '\0';
		} else if (mf_normalise("/", p, path, sizeof(path)) < 0)
			continue;
		full = mb.n >= MF_MAX || mb.used + strlen(path) + 1 > MF_POOL;
		r = mf_add(&mb, fd, kind, path, kind == MF_FD ? &rights :
		    NULL);
		if ((r < 0) != full)
			FAIL("mf_add: %d with %u entries, %zu bytes used", r,
			    mb.n, mb.used);
		if (r < 0)
			break;
	}
	round_trip(&mb, "built");
out:
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, *in;
	size_t tl, hl, bl, k;

	if (size == 0)
		return (0);
	if (data[0] == 'B') {
		build(data + 1, size - 1);
		return (0);
	}
	if ((in = malloc(size + 1)) == NULL)
		abort();
	memcpy(in, data, size);
	in[size] = '\0';
	if (data[0] == '*' && size >= 2) {
		/* head \1 body \1 tail, the body repeated */
		const char *head = in + 2, *body = "", *tail = "";
		char *p, *rest = in + 2 + strlen(in + 2) + 1;

		k = 4 * (size_t)data[1];
		if ((p = strchr(head, 1)) != NULL) {
			*p = '\0';
			body = p + 1;
			if ((p = strchr(body, 1)) != NULL) {
				*p = '\0';
				tail = p + 1;
			}
		}
		hl = strlen(head);
		bl = strlen(body);
		tl = strlen(tail);
		if ((text = malloc(hl + bl * k + tl + 1)) == NULL)
			abort();
		memcpy(text, head, hl);
		for (size_t i = 0; i < k; i++)
			memcpy(text + hl + i * bl, body, bl);
		memcpy(text + hl + bl * k, tail, tl + 1);
		decode_text(text, rest, in + size);
		free(text);
	} else {
		/* An exact copy, so a read past the text's NUL is caught. */
		tl = strlen(in);
		if ((text = malloc(tl + 1)) == NULL)
			abort();
		memcpy(text, in, tl + 1);
		decode_text(text, in + tl + 1, in + size);
		free(text);
	}
	free(in);
	return (0);
}
