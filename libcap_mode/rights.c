/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * rights.c - the cap_rights_t algebra (pure bit operations)
 *
 * Layout, as on FreeBSD: word i carries the index bit 1 << (57 + i) and up
 * to 57 right bits; the top two bits of word 0 hold the version.  A right is
 * a constant CAPRIGHT(idx, bits), so its own index bits say which word it
 * belongs to.
 */
#include <assert.h>
#include <stdarg.h>
#include <stdlib.h>

#include "internal.h"

#define RIGHT_BITS	0x01FFFFFFFFFFFFFFULL	/* bits below the index field */

/* Word index of a right, or -1 when its index field is not one bit. */
static int
right_to_index(uint64_t right)
{
	switch (CAPIDXBIT(right)) {
	case 1:
		return (0);
	case 2:
		return (1);
	default:
		return (-1);
	}
}

/* A bad right is a programming error; FreeBSD asserts, so do we. */
static int
index_or_abort(const cap_rights_t *rights, uint64_t right)
{
	int i = right_to_index(right);

	if (i < 0 || i >= CAPARSIZE(rights) || CAPRVER(right) != 0)
		abort();
	return (i);
}

static void
set_list(cap_rights_t *rights, va_list ap)
{
	uint64_t right;

	while ((right = va_arg(ap, uint64_t)) != 0) {
		int i = index_or_abort(rights, right);

		rights->cr_rights[i] |= right;
	}
}

CM_EXPORT cap_rights_t *
__cap_rights_init(int version, cap_rights_t *rights, ...)
{
	va_list ap;

	if (version != CAP_RIGHTS_VERSION_00)
		abort();
	CAP_NONE(rights);
	va_start(ap, rights);
	set_list(rights, ap);
	va_end(ap);
	return (rights);
}

CM_EXPORT cap_rights_t *
__cap_rights_set(cap_rights_t *rights, ...)
{
	va_list ap;

	va_start(ap, rights);
	set_list(rights, ap);
	va_end(ap);
	return (rights);
}

CM_EXPORT cap_rights_t *
__cap_rights_clear(cap_rights_t *rights, ...)
{
	va_list ap;
	uint64_t right;

	va_start(ap, rights);
	while ((right = va_arg(ap, uint64_t)) != 0) {
		int i = index_or_abort(rights, right);

		rights->cr_rights[i] &= ~(right & RIGHT_BITS);
	}
	va_end(ap);
	return (rights);
}

CM_EXPORT bool
__cap_rights_is_set(const cap_rights_t *rights, ...)
{
	va_list ap;
	uint64_t right;
	bool ret = true;

	va_start(ap, rights);
	while ((right = va_arg(ap, uint64_t)) != 0) {
		int i = index_or_abort(rights, right);

		if ((rights->cr_rights[i] & right) != right) {
			ret = false;
			break;
		}
	}
	va_end(ap);
	return (ret);
}

CM_EXPORT bool
cap_rights_is_empty(const cap_rights_t *rights)
{
	for (int i = 0; i < CAPARSIZE(rights); i++)
		if ((rights->cr_rights[i] & RIGHT_BITS) != 0)
			return (false);
	return (true);
}

CM_HIDDEN bool
cm_rights_valid(const cap_rights_t *rights)
{
	if (CAPVER(rights) != CAP_RIGHTS_VERSION_00)
		return (false);
	for (int i = 0; i < CAPARSIZE(rights); i++) {
		if (right_to_index(rights->cr_rights[i]) != i)
			return (false);
		if (i > 0 && CAPRVER(rights->cr_rights[i]) != 0)
			return (false);
	}
	return (true);
}

CM_EXPORT bool
cap_rights_is_valid(const cap_rights_t *rights)
{
	return (cm_rights_valid(rights));
}

CM_EXPORT cap_rights_t *
cap_rights_merge(cap_rights_t *dst, const cap_rights_t *src)
{
	assert(cm_rights_valid(dst) && cm_rights_valid(src));
	for (int i = 0; i < CAPARSIZE(dst); i++)
		dst->cr_rights[i] |= src->cr_rights[i];
	return (dst);
}

CM_EXPORT cap_rights_t *
cap_rights_remove(cap_rights_t *dst, const cap_rights_t *src)
{
	assert(cm_rights_valid(dst) && cm_rights_valid(src));
	for (int i = 0; i < CAPARSIZE(dst); i++)
		dst->cr_rights[i] &= ~(src->cr_rights[i] & RIGHT_BITS);
	return (dst);
}

CM_EXPORT bool
cap_rights_contains(const cap_rights_t *big, const cap_rights_t *little)
{
	for (int i = 0; i < CAPARSIZE(big); i++)
		if ((big->cr_rights[i] & little->cr_rights[i]) !=
		    little->cr_rights[i])
			return (false);
	return (true);
}
