/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * pathref.h - a reference path normaliser and prefix matcher for the
 * fuzz harnesses of the shim's path map and of caprun's manifest
 *
 * Deliberately written another way than sandbox/manifest.c: a path is a
 * stack of (pointer, length) components, joined only at the end, and a
 * prefix is compared component by component.  The harnesses check that
 * mf_normalise() and mf_lookup() agree with it.
 */
#ifndef FUZZ_PATHREF_H
#define FUZZ_PATHREF_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "manifest.h"

#define REF_MAXCOMP	(4 * PATH_MAX)

struct ref_comp {
	const char	*p;
	size_t		l;
};

struct ref_path {
	struct ref_comp	c[REF_MAXCOMP];
	size_t		n;
	size_t		sum;		/* of the components' lengths */
	size_t		peak;		/* longest text the path had on the way */
	char		s[8 * PATH_MAX];	/* the result, joined */
	size_t		len;
};

/* The text length of r's components so far: "/" for none. */
static inline size_t
ref_textlen(const struct ref_path *r)
{
	return (r->n == 0 ? 1 : r->sum + r->n);
}

static inline void
ref_push(struct ref_path *r, const char *p)
{
	while (*p != '\0') {
		const char *q = p;
		size_t l;

		while (*q != '\0' && *q != '/')
			q++;
		l = (size_t)(q - p);
		if (l == 2 && p[0] == '.' && p[1] == '.') {
			if (r->n > 0)
				r->sum -= r->c[--r->n].l;
		} else if (l != 0 && !(l == 1 && p[0] == '.') &&
		    r->n < REF_MAXCOMP) {
			r->c[r->n].p = p;
			r->c[r->n++].l = l;
			r->sum += l;
			if (ref_textlen(r) > r->peak)
				r->peak = ref_textlen(r);
		}
		p = *q == '/' ? q + 1 : q;
	}
}

/*
 * path against cwd (used when path is relative).  The components point
 * into cwd and path, which must outlive r's use of c[].
 */
static inline void
ref_normalise(struct ref_path *r, const char *cwd, const char *path)
{
	r->n = 0;
	r->sum = 0;
	r->peak = 1;
	if (path[0] != '/')
		ref_push(r, cwd);
	ref_push(r, path);
	r->len = 0;
	if (r->n == 0)
		r->s[r->len++] = '/';
	for (size_t i = 0; i < r->n && r->len + r->c[i].l + 1 < sizeof(r->s);
	    i++) {
		r->s[r->len++] = '/';
		memcpy(r->s + r->len, r->c[i].p, r->c[i].l);
		r->len += r->c[i].l;
	}
	r->s[r->len] = '\0';
}

/*
 * What mf_normalise must do with a path of this peak length: 1 fit, 0 not
 * fit, -1 either (a single component under "/" needs one byte more than
 * the rest of the path, which no real name reaches: NAME_MAX is 255).
 */
static inline int
ref_fits(const struct ref_path *r)
{
	if (r->peak >= PATH_MAX)
		return (0);
	return (r->peak == PATH_MAX - 1 ? -1 : 1);
}

/* Is s an absolute path with no "", "." or ".." component? */
static inline bool
ref_is_normal(const char *s)
{
	size_t l = strlen(s);

	if (s[0] != '/' || l >= PATH_MAX)
		return (false);
	if (l == 1)
		return (true);
	for (const char *p = s + 1;;) {
		const char *q = strchr(p, '/');
		size_t cl = q == NULL ? strlen(p) : (size_t)(q - p);

		if (cl == 0 || (cl == 1 && p[0] == '.') ||
		    (cl == 2 && p[0] == '.' && p[1] == '.'))
			return (false);
		if (q == NULL)
			return (true);
		p = q + 1;
	}
}

/* Components of a normalised path (not "/" itself). */
static inline size_t
ref_ncomp(const char *s)
{
	size_t n = 0;

	if (s[1] == '\0')
		return (0);
	for (; *s != '\0'; s++)
		if (*s == '/')
			n++;
	return (n);
}

/* Do the first k components of normalised a and b agree? */
static inline bool
ref_same_comps(const char *a, const char *b, size_t k)
{
	for (size_t i = 0; i < k; i++) {
		const char *ea, *eb;

		if (*a++ != '/' || *b++ != '/')
			return (false);
		ea = strchrnul(a, '/');
		eb = strchrnul(b, '/');
		if (ea - a != eb - b || memcmp(a, b, (size_t)(ea - a)) != 0)
			return (false);
		a = ea;
		b = eb;
	}
	return (true);
}

/*
 * The entry that covers normalised abs: a directory covers everything
 * beneath it, a file or an ancestor only its own path; the one with the
 * most components wins, the first of equals.
 */
static inline const struct mf_entry *
ref_lookup(const struct manifest *m, const char *abs)
{
	const struct mf_entry *best = NULL;
	size_t bestk = 0, k = ref_ncomp(abs);

	for (unsigned int i = 0; i < m->n; i++) {
		const struct mf_entry *e = &m->e[i];
		size_t ek;
		bool dir;

		if (e->kind == MF_FD)
			continue;
		ek = ref_ncomp(e->path);
		dir = e->kind == MF_DIR_RO || e->kind == MF_DIR_RW;
		if (ek > k || (!dir && ek != k) || !ref_same_comps(abs,
		    e->path, ek))
			continue;
		if (best == NULL || ek > bestk) {
			best = e;
			bestk = ek;
		}
	}
	return (best);
}

#endif /* !FUZZ_PATHREF_H */
