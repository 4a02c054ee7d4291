/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * dup.c - rights travel with dup, dup2, dup3 and F_DUPFD*; close forgets
 *
 * Each runs the system call and the table update under the table lock, so
 * a descriptor number freed by close and reused by another thread's open
 * never inherits, or loses, rights it should not.
 */
#include "internal.h"
#include "sys.h"

/* Referenced from rights_limit.c so static links always take this file. */
CM_HIDDEN const char cm_anchor_dup = 0;

/* Run the dup-like call r = sc(...) and copy the slot of `from` to r. */
static long
carry(int from, long r)
{
	if (r >= 0) {
		int e = cm_slot_copy_locked((int)r, from);

		if (e < 0) {
			cm_close((int)r);
			r = e;
		}
	}
	return (r);
}

CM_EXPORT int
dup(int fd)
{
	long r;

	if (!cm_any_limited)
		return ((int)cm_ret(cm_sc1(SYS_dup, fd)));
	cm_table_lock();
	r = carry(fd, cm_sc1(SYS_dup, fd));
	cm_table_unlock();
	return ((int)cm_ret(r));
}

static int
dup_onto(int from, int to, int flags, bool is_dup2)
{
	struct cm_slot s;
	long r;

	if (!cm_any_limited) {
		if (is_dup2 && from == to)
			return ((int)cm_ret(cm_sc2(SYS_fcntl, from, F_GETFD) < 0 ?
			    -EBADF : to));
		return ((int)cm_ret(cm_sc3(SYS_dup3, from, to, flags)));
	}
	cm_table_lock();
	if (is_dup2 && from == to) {
		r = cm_sc2(SYS_fcntl, from, F_GETFD) < 0 ? -EBADF : to;
	} else {
		/* The old `to` is closed by the kernel: a process descriptor
		 * replaced this way counts as a close. */
		if (cm_slot_get(to, &s) && (s.pd_flags & CM_PD_DESC) != 0 &&
		    cm_pd_last_close != NULL)
			cm_pd_last_close(to, &s);
		r = carry(from, cm_sc3(SYS_dup3, from, to, flags));
	}
	cm_table_unlock();
	return ((int)cm_ret(r));
}

CM_EXPORT int
dup2(int from, int to)
{
	return (dup_onto(from, to, 0, true));
}

CM_EXPORT int
dup3(int from, int to, int flags)
{
	if (from == to)
		return ((int)cm_ret(-EINVAL));
	return (dup_onto(from, to, flags, false));
}

CM_HIDDEN int
cm_dup_fcntl(int fd, int cmd, int minfd)
{
	long r;

	if (!cm_any_limited)
		return ((int)cm_ret(cm_sc3(SYS_fcntl, fd, cmd, minfd)));
	cm_table_lock();
	r = carry(fd, cm_sc3(SYS_fcntl, fd, cmd, minfd));
	cm_table_unlock();
	return ((int)cm_ret(r));
}

CM_EXPORT int
close(int fd)
{
	struct cm_slot s;
	long r;

	if (!cm_any_limited)
		return ((int)cm_ret(cm_sc1(SYS_close, fd)));
	cm_table_lock();
	if (cm_slot_get(fd, &s) && (s.pd_flags & CM_PD_DESC) != 0 &&
	    cm_pd_last_close != NULL)
		cm_pd_last_close(fd, &s);
	r = cm_sc1(SYS_close, fd);
	/* Linux frees the number even when close fails with EINTR. */
	if (r == 0 || r == -EINTR)
		cm_slot_forget_locked(fd);
	cm_table_unlock();
	return ((int)cm_ret(r));
}

#ifndef __GLIBC__
int	close_range(unsigned int, unsigned int, int);
#endif

CM_EXPORT int
close_range(unsigned int first, unsigned int last, int flags)
{
	long r;

	if (!cm_any_limited)
		return ((int)cm_ret(cm_sc3(CM_NR_close_range, first, last,
		    flags)));
	cm_table_lock();
	/* Process descriptors in the range: as many closes. */
	if ((flags & 4) == 0 && cm_pd_last_close != NULL) {
		struct cm_slot s;

		for (unsigned int fd = first; fd <= last && fd < (1u << 21);
		    fd++)
			if (cm_slot_get((int)fd, &s) &&
			    (s.pd_flags & CM_PD_DESC) != 0)
				cm_pd_last_close((int)fd, &s);
	}
	r = cm_sc3(CM_NR_close_range, first, last, flags);
	/* CLOSE_RANGE_CLOEXEC (4) closes nothing now. */
	if (r == 0 && (flags & 4) == 0)
		for (unsigned int fd = first; fd <= last && fd < (1u << 21);
		    fd++)
			cm_slot_forget_locked((int)fd);
	cm_table_unlock();
	return ((int)cm_ret(r));
}
