/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_rights.c - the cap_rights_t algebra and every CAP_* constant
 *
 * The expected values are FreeBSD's, written out as numbers (FreeBSD's
 * sys/sys/capsicum.h, CAPRIGHT() encoding, rights version 00), so a wrong
 * definition in include/sys/capsicum.h is caught rather than compared with
 * itself.
 */
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <sys/capsicum.h>

#include "isolate.h"

struct right {
	const char	*name;
	uint64_t	value;		/* as the header defines it */
	uint64_t	freebsd;	/* FreeBSD's value */
	int		primitive;	/* 1: a right, 0: a union, -1: unused bit */
};

/* clang-format off */
#define R(name, fb, prim)	{ #name, name, fb, prim }
static const struct right rights[] = {
	R(CAP_READ,		0x0200000000000001ULL, 1),
	R(CAP_WRITE,		0x0200000000000002ULL, 1),
	R(CAP_SEEK_TELL,	0x0200000000000004ULL, 1),
	R(CAP_SEEK,		0x020000000000000CULL, 1),
	R(CAP_PREAD,		0x020000000000000DULL, 0),
	R(CAP_PWRITE,		0x020000000000000EULL, 0),
	R(CAP_MMAP,		0x0200000000000010ULL, 1),
	R(CAP_MMAP_R,		0x020000000000001DULL, 0),
	R(CAP_MMAP_W,		0x020000000000001EULL, 0),
	R(CAP_MMAP_X,		0x020000000000003CULL, 1),
	R(CAP_MMAP_RW,		0x020000000000001FULL, 0),
	R(CAP_MMAP_RX,		0x020000000000003DULL, 0),
	R(CAP_MMAP_WX,		0x020000000000003EULL, 0),
	R(CAP_MMAP_RWX,		0x020000000000003FULL, 0),
	R(CAP_CREATE,		0x0200000000000040ULL, 1),
	R(CAP_FEXECVE,		0x0200000000000080ULL, 1),
	R(CAP_FSYNC,		0x0200000000000100ULL, 1),
	R(CAP_FTRUNCATE,	0x0200000000000200ULL, 1),
	R(CAP_LOOKUP,		0x0200000000000400ULL, 1),
	R(CAP_FCHDIR,		0x0200000000000800ULL, 1),
	R(CAP_FCHFLAGS,		0x0200000000001000ULL, 1),
	R(CAP_CHFLAGSAT,	0x0200000000001400ULL, 0),
	R(CAP_FCHMOD,		0x0200000000002000ULL, 1),
	R(CAP_FCHMODAT,		0x0200000000002400ULL, 0),
	R(CAP_FCHOWN,		0x0200000000004000ULL, 1),
	R(CAP_FCHOWNAT,		0x0200000000004400ULL, 0),
	R(CAP_FCNTL,		0x0200000000008000ULL, 1),
	R(CAP_FLOCK,		0x0200000000010000ULL, 1),
	R(CAP_FPATHCONF,	0x0200000000020000ULL, 1),
	R(CAP_FSCK,		0x0200000000040000ULL, 1),
	R(CAP_FSTAT,		0x0200000000080000ULL, 1),
	R(CAP_FSTATAT,		0x0200000000080400ULL, 0),
	R(CAP_FSTATFS,		0x0200000000100000ULL, 1),
	R(CAP_FUTIMES,		0x0200000000200000ULL, 1),
	R(CAP_FUTIMESAT,	0x0200000000200400ULL, 0),
	R(CAP_LINKAT_TARGET,	0x0200000000400400ULL, 1),
	R(CAP_MKDIRAT,		0x0200000000800400ULL, 1),
	R(CAP_MKFIFOAT,		0x0200000001000400ULL, 1),
	R(CAP_MKNODAT,		0x0200000002000400ULL, 1),
	R(CAP_RENAMEAT_SOURCE,	0x0200000004000400ULL, 1),
	R(CAP_SYMLINKAT,	0x0200000008000400ULL, 1),
	R(CAP_UNLINKAT,		0x0200000010000400ULL, 1),
	R(CAP_ACCEPT,		0x0200000020000000ULL, 1),
	R(CAP_BIND,		0x0200000040000000ULL, 1),
	R(CAP_CONNECT,		0x0200000080000000ULL, 1),
	R(CAP_GETPEERNAME,	0x0200000100000000ULL, 1),
	R(CAP_GETSOCKNAME,	0x0200000200000000ULL, 1),
	R(CAP_GETSOCKOPT,	0x0200000400000000ULL, 1),
	R(CAP_LISTEN,		0x0200000800000000ULL, 1),
	R(CAP_PEELOFF,		0x0200001000000000ULL, 1),
	R(CAP_RECV,		0x0200000000000001ULL, 0),
	R(CAP_SEND,		0x0200000000000002ULL, 0),
	R(CAP_SETSOCKOPT,	0x0200002000000000ULL, 1),
	R(CAP_SHUTDOWN,		0x0200004000000000ULL, 1),
	R(CAP_BINDAT,		0x0200008000000400ULL, 1),
	R(CAP_CONNECTAT,	0x0200010000000400ULL, 1),
	R(CAP_LINKAT_SOURCE,	0x0200020000000400ULL, 1),
	R(CAP_RENAMEAT_TARGET,	0x0200040000000400ULL, 1),
	R(CAP_SOCK_CLIENT,	0x0200007780000003ULL, 0),
	R(CAP_SOCK_SERVER,	0x0200007F60000003ULL, 0),
	R(CAP_ALL0,		0x020007FFFFFFFFFFULL, 0),
	R(CAP_UNUSED0_44,	0x0200080000000000ULL, -1),
	R(CAP_UNUSED0_57,	0x0300000000000000ULL, -1),
	R(CAP_MAC_GET,		0x0400000000000001ULL, 1),
	R(CAP_MAC_SET,		0x0400000000000002ULL, 1),
	R(CAP_SEM_GETVALUE,	0x0400000000000004ULL, 1),
	R(CAP_SEM_POST,		0x0400000000000008ULL, 1),
	R(CAP_SEM_WAIT,		0x0400000000000010ULL, 1),
	R(CAP_EVENT,		0x0400000000000020ULL, 1),
	R(CAP_KQUEUE_EVENT,	0x0400000000000040ULL, 1),
	R(CAP_IOCTL,		0x0400000000000080ULL, 1),
	R(CAP_TTYHOOK,		0x0400000000000100ULL, 1),
	R(CAP_PDGETPID,		0x0400000000000200ULL, 1),
	R(CAP_PDWAIT,		0x0400000000000400ULL, 1),
	R(CAP_PDKILL,		0x0400000000000800ULL, 1),
	R(CAP_EXTATTR_DELETE,	0x0400000000001000ULL, 1),
	R(CAP_EXTATTR_GET,	0x0400000000002000ULL, 1),
	R(CAP_EXTATTR_LIST,	0x0400000000004000ULL, 1),
	R(CAP_EXTATTR_SET,	0x0400000000008000ULL, 1),
	R(CAP_ACL_CHECK,	0x0400000000010000ULL, 1),
	R(CAP_ACL_DELETE,	0x0400000000020000ULL, 1),
	R(CAP_ACL_GET,		0x0400000000040000ULL, 1),
	R(CAP_ACL_SET,		0x0400000000080000ULL, 1),
	R(CAP_KQUEUE_CHANGE,	0x0400000000100000ULL, 1),
	R(CAP_KQUEUE,		0x0400000000100040ULL, 0),
	R(CAP_ALL1,		0x04000000001FFFFFULL, 0),
	R(CAP_UNUSED1_22,	0x0400000000200000ULL, -1),
	R(CAP_UNUSED1_57,	0x0500000000000000ULL, -1),
	R(CAP_POLL_EVENT,	0x0400000000000020ULL, 0),
};
#undef R
/* clang-format on */
#define NRIGHTS	(sizeof(rights) / sizeof(rights[0]))

#define WORD0_EMPTY	0x0200000000000000ULL
#define WORD1_EMPTY	0x0400000000000000ULL

static int
word_of(uint64_t right)
{
	return (right >> 58 & 1);	/* index bit 57 -> 0, bit 58 -> 1 */
}

static void
constants_match_freebsd(void **state)
{
	(void)state;
	for (size_t i = 0; i < NRIGHTS; i++)
		if (rights[i].value != rights[i].freebsd)
			fail_msg("%s is 0x%016llx, FreeBSD has 0x%016llx",
			    rights[i].name,
			    (unsigned long long)rights[i].value,
			    (unsigned long long)rights[i].freebsd);
}

static void
other_constants(void **state)
{
	(void)state;
	assert_int_equal(CAP_RIGHTS_VERSION_00, 0);
	assert_int_equal(CAP_RIGHTS_VERSION, 0);
	assert_int_equal(ECAPMODE, 134);
	assert_int_equal(ENOTCAPABLE, 135);
	assert_int_equal(ENOTBENEATH, ENOTCAPABLE);
	assert_int_equal(O_RESOLVE_BENEATH, 0x00800000);
	/* O_RESOLVE_BENEATH must not collide with a Linux open flag. */
	assert_int_equal(O_RESOLVE_BENEATH & (O_ACCMODE | O_CREAT | O_EXCL |
	    O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK | O_DSYNC | O_SYNC |
	    O_DIRECT | O_LARGEFILE | O_DIRECTORY | O_NOFOLLOW | O_NOATIME |
	    O_CLOEXEC | O_PATH | O_TMPFILE | FASYNC), 0);
	assert_true(CAP_IOCTLS_ALL == SSIZE_MAX);
	/*
	 * FreeBSD defines the fcntl rights as (1 << F_cmd); the command
	 * numbers are the platform's, so the check is the definition.
	 */
	assert_int_equal(CAP_FCNTL_GETFL, 1 << F_GETFL);
	assert_int_equal(CAP_FCNTL_SETFL, 1 << F_SETFL);
	assert_int_equal(CAP_FCNTL_GETOWN, 1 << F_GETOWN);
	assert_int_equal(CAP_FCNTL_SETOWN, 1 << F_SETOWN);
	assert_int_equal(CAP_FCNTL_ALL, CAP_FCNTL_GETFL | CAP_FCNTL_SETFL |
	    CAP_FCNTL_GETOWN | CAP_FCNTL_SETOWN);
	assert_int_equal(__builtin_popcount(CAP_FCNTL_ALL), 4);
}

static void
macros_all_none(void **state)
{
	cap_rights_t r;

	(void)state;
	CAP_NONE(&r);
	assert_true(r.cr_rights[0] == WORD0_EMPTY);
	assert_true(r.cr_rights[1] == WORD1_EMPTY);
	assert_true(cap_rights_is_empty(&r));
	assert_true(cap_rights_is_valid(&r));
	CAP_ALL(&r);
	assert_true(r.cr_rights[0] == 0x020007FFFFFFFFFFULL);
	assert_true(r.cr_rights[1] == 0x04000000001FFFFFULL);
	assert_false(cap_rights_is_empty(&r));
	assert_true(cap_rights_is_valid(&r));
	assert_int_equal(CAPVER(&r), 0);
	assert_int_equal(CAPARSIZE(&r), 2);
	assert_int_equal(CAPIDXBIT(CAP_READ), 1);
	assert_int_equal(CAPIDXBIT(CAP_IOCTL), 2);
	assert_int_equal(CAPRVER(CAP_READ), 0);
}

/* init with one right: exactly that right's bits, the other word empty. */
static void
init_each_right(void **state)
{
	cap_rights_t r;

	(void)state;
	for (size_t i = 0; i < NRIGHTS; i++) {
		int w = word_of(rights[i].freebsd);

		memset(&r, 0xa5, sizeof(r));
		assert_ptr_equal(cap_rights_init(&r, rights[i].value), &r);
		if (r.cr_rights[w] != rights[i].freebsd ||
		    r.cr_rights[1 - w] != (w ? WORD0_EMPTY : WORD1_EMPTY))
			fail_msg("cap_rights_init(%s) gave %016llx %016llx",
			    rights[i].name,
			    (unsigned long long)r.cr_rights[0],
			    (unsigned long long)r.cr_rights[1]);
		assert_true(cap_rights_is_valid(&r));
		assert_true(cap_rights_is_set(&r, rights[i].value));
		assert_false(cap_rights_is_empty(&r));
	}
}

/* A primitive right set alone contains no other primitive right. */
static void
rights_are_distinct(void **state)
{
	cap_rights_t r;

	(void)state;
	for (size_t i = 0; i < NRIGHTS; i++) {
		if (rights[i].primitive != 1)
			continue;
		cap_rights_init(&r, rights[i].value);
		for (size_t j = 0; j < NRIGHTS; j++) {
			if (rights[j].primitive != 1 || j == i)
				continue;
			/* CAP_SEEK includes CAP_SEEK_TELL, and the *AT rights
			 * CAP_LOOKUP: FreeBSD's definitions nest them. */
			if ((rights[i].freebsd & rights[j].freebsd) ==
			    rights[j].freebsd)
				continue;
			if (cap_rights_is_set(&r, rights[j].value))
				fail_msg("%s alone has %s", rights[i].name,
				    rights[j].name);
		}
	}
}

static void
union_of_all_is_cap_all(void **state)
{
	cap_rights_t r, all;

	(void)state;
	cap_rights_init(&r);
	for (size_t i = 0; i < NRIGHTS; i++)
		if (rights[i].primitive == 1)
			cap_rights_set(&r, rights[i].value);
	CAP_ALL(&all);
	assert_memory_equal(&r, &all, sizeof(r));
}

static void
init_and_set_many(void **state)
{
	cap_rights_t r;

	(void)state;
	/* More arguments than registers, both words. */
	cap_rights_init(&r, CAP_READ, CAP_WRITE, CAP_SEEK, CAP_FSTAT,
	    CAP_IOCTL, CAP_EVENT, CAP_LOOKUP, CAP_PDKILL, CAP_FCNTL,
	    CAP_ACL_GET);
	assert_true(r.cr_rights[0] == 0x020000000008840FULL);
	assert_true(r.cr_rights[1] == 0x04000000000408A0ULL);
	assert_true(cap_rights_is_set(&r, CAP_READ, CAP_IOCTL, CAP_ACL_GET));
	assert_false(cap_rights_is_set(&r, CAP_READ, CAP_MMAP));
	assert_ptr_equal(cap_rights_set(&r, CAP_MMAP, CAP_TTYHOOK), &r);
	assert_true(cap_rights_is_set(&r, CAP_MMAP, CAP_TTYHOOK));
	assert_true(cap_rights_is_valid(&r));
	/* Setting again changes nothing. */
	cap_rights_set(&r, CAP_READ, CAP_READ);
	assert_true(r.cr_rights[0] == 0x020000000008841FULL);
}

static void
clear_rights(void **state)
{
	cap_rights_t r;

	(void)state;
	cap_rights_init(&r, CAP_PREAD, CAP_WRITE, CAP_IOCTL, CAP_EVENT);
	assert_ptr_equal(cap_rights_clear(&r, CAP_SEEK_TELL), &r);
	/* Clearing a part of CAP_SEEK leaves CAP_SEEK incomplete. */
	assert_false(cap_rights_is_set(&r, CAP_SEEK));
	assert_false(cap_rights_is_set(&r, CAP_SEEK_TELL));
	assert_true(cap_rights_is_set(&r, CAP_READ, CAP_WRITE));
	cap_rights_clear(&r, CAP_PREAD, CAP_IOCTL);
	assert_true(r.cr_rights[0] == 0x0200000000000002ULL);
	assert_true(r.cr_rights[1] == 0x0400000000000020ULL);
	/* The index bits survive clearing everything. */
	cap_rights_clear(&r, CAP_WRITE, CAP_EVENT);
	assert_true(cap_rights_is_empty(&r));
	assert_true(cap_rights_is_valid(&r));
	assert_true(r.cr_rights[0] == WORD0_EMPTY);
	assert_true(r.cr_rights[1] == WORD1_EMPTY);
	/* Clearing a *AT right clears CAP_LOOKUP with it, as on FreeBSD. */
	cap_rights_init(&r, CAP_FSTATAT, CAP_READ);
	cap_rights_clear(&r, CAP_FSTATAT);
	assert_false(cap_rights_is_set(&r, CAP_LOOKUP));
	assert_true(cap_rights_is_set(&r, CAP_READ));
}

static void
is_set_composites(void **state)
{
	cap_rights_t r;

	(void)state;
	cap_rights_init(&r, CAP_SEEK_TELL);
	assert_false(cap_rights_is_set(&r, CAP_SEEK));
	cap_rights_init(&r, CAP_LOOKUP);
	assert_false(cap_rights_is_set(&r, CAP_FSTATAT));
	assert_false(cap_rights_is_set(&r, CAP_MKDIRAT));
	cap_rights_init(&r, CAP_MMAP_R);
	assert_true(cap_rights_is_set(&r, CAP_MMAP, CAP_READ, CAP_SEEK));
	assert_false(cap_rights_is_set(&r, CAP_MMAP_X));
	assert_false(cap_rights_is_set(&r, CAP_MMAP_RW));
	cap_rights_init(&r);
	assert_true(cap_rights_is_empty(&r));
	assert_false(cap_rights_is_set(&r, CAP_READ));
}

static void
merge_remove_contains(void **state)
{
	cap_rights_t a, b, c, all, none;

	(void)state;
	cap_rights_init(&a, CAP_READ, CAP_EVENT);
	cap_rights_init(&b, CAP_WRITE, CAP_SEEK, CAP_IOCTL);
	assert_ptr_equal(cap_rights_merge(&a, &b), &a);
	assert_true(a.cr_rights[0] == 0x020000000000000FULL);
	assert_true(a.cr_rights[1] == 0x04000000000000A0ULL);
	assert_true(cap_rights_is_valid(&a));
	assert_true(cap_rights_contains(&a, &b));
	assert_false(cap_rights_contains(&b, &a));
	assert_true(cap_rights_contains(&a, &a));

	cap_rights_init(&c, CAP_SEEK, CAP_EVENT);
	assert_ptr_equal(cap_rights_remove(&a, &c), &a);
	assert_true(a.cr_rights[0] == 0x0200000000000003ULL);
	assert_true(a.cr_rights[1] == 0x0400000000000080ULL);
	assert_true(cap_rights_is_valid(&a));
	assert_false(cap_rights_contains(&a, &c));

	CAP_ALL(&all);
	CAP_NONE(&none);
	for (size_t i = 0; i < NRIGHTS; i++) {
		cap_rights_init(&c, rights[i].value);
		assert_true(cap_rights_contains(&c, &none));
		if (rights[i].primitive < 0) {
			assert_false(cap_rights_contains(&all, &c));
			continue;
		}
		assert_true(cap_rights_contains(&all, &c));
		if (rights[i].freebsd != WORD0_EMPTY &&
		    rights[i].freebsd != WORD1_EMPTY)
			assert_false(cap_rights_contains(&none, &c));
	}
	/* Removing everything from everything leaves a valid empty set. */
	cap_rights_remove(&all, &all);
	assert_true(cap_rights_is_empty(&all));
	assert_true(cap_rights_is_valid(&all));
	/* Merge with itself is idempotent. */
	cap_rights_init(&a, CAP_READ, CAP_PDKILL);
	b = a;
	cap_rights_merge(&a, &a);
	assert_memory_equal(&a, &b, sizeof(a));
}

static void
validity(void **state)
{
	cap_rights_t r;

	(void)state;
	cap_rights_init(&r, CAP_READ);
	assert_true(cap_rights_is_valid(&r));
	/* Wrong version in the top bits of word 0. */
	r.cr_rights[0] |= 1ULL << 62;
	assert_false(cap_rights_is_valid(&r));
	/* Words swapped: index bits say the wrong word. */
	cap_rights_init(&r, CAP_READ);
	r.cr_rights[0] = WORD1_EMPTY;
	r.cr_rights[1] = WORD0_EMPTY;
	assert_false(cap_rights_is_valid(&r));
	/* No index bit at all. */
	cap_rights_init(&r, CAP_READ);
	r.cr_rights[0] = 1;
	assert_false(cap_rights_is_valid(&r));
	/* Both index bits in one word. */
	cap_rights_init(&r, CAP_READ);
	r.cr_rights[1] |= 1ULL << 57;
	assert_false(cap_rights_is_valid(&r));
	/* Version bits in word 1. */
	cap_rights_init(&r, CAP_READ);
	r.cr_rights[1] |= 1ULL << 62;
	assert_false(cap_rights_is_valid(&r));
	memset(&r, 0, sizeof(r));
	assert_false(cap_rights_is_valid(&r));
}

/* An invalid right is a programming error: FreeBSD asserts. */
static int
set_bad_right(void *arg)
{
	cap_rights_t r;
	uint64_t bad = *(const uint64_t *)arg;

	cap_rights_init(&r);
	cap_rights_set(&r, bad);
	return (0);	/* not reached if the library aborts */
}

static void
invalid_right_aborts(void **state)
{
	static const uint64_t bad[] = {
		0x1ULL,				/* no index bits */
		0x0600000000000001ULL,		/* both index bits */
		0x4200000000000001ULL,		/* version bits on a right */
		0x0800000000000001ULL,		/* index 2: no third word */
	};

	(void)state;
	iso_quiet = 1;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int st = run_isolated(set_bad_right, (void *)&bad[i],
		    ISO_TIMEOUT);

		if (st != 128 + SIGABRT)
			fail_msg("cap_rights_set(0x%016llx): status %d, "
			    "expected SIGABRT", (unsigned long long)bad[i], st);
	}
	iso_quiet = 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(constants_match_freebsd),
		cmocka_unit_test(other_constants),
		cmocka_unit_test(macros_all_none),
		cmocka_unit_test(init_each_right),
		cmocka_unit_test(rights_are_distinct),
		cmocka_unit_test(union_of_all_is_cap_all),
		cmocka_unit_test(init_and_set_many),
		cmocka_unit_test(clear_rights),
		cmocka_unit_test(is_set_composites),
		cmocka_unit_test(merge_remove_contains),
		cmocka_unit_test(validity),
		cmocka_unit_test(invalid_right_aborts),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
