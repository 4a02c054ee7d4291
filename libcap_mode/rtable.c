/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * rtable.c - the process-wide rights table
 *
 * Rights belong to the descriptor table slot, as on FreeBSD.  The table is
 * a two-level array indexed by fd: lookups are two loads with no lock, so a
 * checked read() costs the same with 10 or 100,000 limited descriptors.
 * Changes (limit, dup, close) take one mutex.  Chunks are never freed: a
 * reader may race with a writer but never touches freed memory.  Rights
 * only narrow, so a reader that races with a limit sees the old or the new
 * rights, never more than the old ones.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define CHUNK_BITS	9
#define CHUNK_SLOTS	(1 << CHUNK_BITS)
#define TOP_SLOTS	4096			/* 2^21 fds, above Linux's nr_open */

static struct cm_slot *top[TOP_SLOTS];
static pthread_mutex_t table_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t atfork_once = PTHREAD_ONCE_INIT;
static unsigned int nlimited;
CM_HIDDEN volatile int cm_any_limited;

/*
 * Every program that uses the table (limits, cap_enter) must get the
 * checking wrappers too, even when a library linked before us (a sanitizer
 * runtime) already defines read(): referencing each wrapper file makes a
 * static link take it.
 */
CM_HIDDEN extern const char cm_anchor_fdops, cm_anchor_at, cm_anchor_dup,
    cm_anchor_resolve, cm_anchor_stdio, cm_anchor_strerror, cm_anchor_signal;
__attribute__((used)) static const char *const anchors[] = {
	&cm_anchor_fdops, &cm_anchor_at, &cm_anchor_dup, &cm_anchor_resolve,
	&cm_anchor_stdio, &cm_anchor_strerror, &cm_anchor_signal,
};

static void
atfork_prepare(void)
{
	pthread_mutex_lock(&table_mutex);
}

static void
atfork_release(void)
{
	pthread_mutex_unlock(&table_mutex);
}

static void
atfork_child(void)
{
	if (cm_pd_after_fork != NULL)
		cm_pd_after_fork();
	pthread_mutex_unlock(&table_mutex);
	if (cm_capmode)
		cm_seccomp_child();
}

static void
atfork_register(void)
{
	(void)pthread_atfork(atfork_prepare, atfork_release, atfork_child);
}

CM_HIDDEN void
cm_table_lock(void)
{
	pthread_once(&atfork_once, atfork_register);
	pthread_mutex_lock(&table_mutex);
}

CM_HIDDEN void
cm_table_unlock(void)
{
	pthread_mutex_unlock(&table_mutex);
}

static struct cm_slot *
slot_ptr(int fd)
{
	struct cm_slot *chunk;

	if (fd < 0 || fd >= TOP_SLOTS * CHUNK_SLOTS)
		return (NULL);
	chunk = __atomic_load_n(&top[fd >> CHUNK_BITS], __ATOMIC_ACQUIRE);
	if (chunk == NULL)
		return (NULL);
	return (&chunk[fd & (CHUNK_SLOTS - 1)]);
}

/* Table lock held. */
static struct cm_slot *
slot_ptr_alloc(int fd)
{
	struct cm_slot *chunk, *s;

	if (fd < 0 || fd >= TOP_SLOTS * CHUNK_SLOTS)
		return (NULL);
	if ((s = slot_ptr(fd)) != NULL)
		return (s);
	chunk = calloc(CHUNK_SLOTS, sizeof(*chunk));
	if (chunk == NULL)
		return (NULL);
	__atomic_store_n(&top[fd >> CHUNK_BITS], chunk, __ATOMIC_RELEASE);
	return (&chunk[fd & (CHUNK_SLOTS - 1)]);
}

CM_HIDDEN bool
cm_slot_get(int fd, struct cm_slot *out)
{
	const struct cm_slot *s = slot_ptr(fd);

	memset(out, 0, sizeof(*out));
	out->nioctls = -1;
	out->fcntls = CAP_FCNTL_ALL;
	if (s == NULL)
		return (false);
	out->r[0] = __atomic_load_n(&s->r[0], __ATOMIC_ACQUIRE);
	if (out->r[0] == 0)
		return (false);
	out->r[1] = __atomic_load_n(&s->r[1], __ATOMIC_ACQUIRE);
	out->fcntls = __atomic_load_n(&s->fcntls, __ATOMIC_RELAXED);
	out->nioctls = __atomic_load_n(&s->nioctls, __ATOMIC_RELAXED);
	out->pd_pid = s->pd_pid;
	out->pd_flags = s->pd_flags;
	return (true);
}

CM_HIDDEN int
cm_slot_put_locked(int fd, const struct cm_slot *in)
{
	struct cm_slot *s = slot_ptr_alloc(fd);

	if (s == NULL)
		return (fd < 0 ? -EBADF : -ENOMEM);
	if (s->r[0] == 0 && in->r[0] != 0) {
		nlimited++;
		cm_any_limited = 1;
	} else if (s->r[0] != 0 && in->r[0] == 0) {
		nlimited--;
	}
	if (s->ioctls != in->ioctls)
		free(s->ioctls);
	s->ioctls = in->ioctls;
	s->pd_pid = in->pd_pid;
	s->pd_flags = in->pd_flags;
	__atomic_store_n(&s->nioctls, in->nioctls, __ATOMIC_RELAXED);
	__atomic_store_n(&s->fcntls, in->fcntls, __ATOMIC_RELAXED);
	__atomic_store_n(&s->r[1], in->r[1], __ATOMIC_RELEASE);
	__atomic_store_n(&s->r[0], in->r[0], __ATOMIC_RELEASE);
	return (0);
}

CM_HIDDEN void
cm_slot_forget_locked(int fd)
{
	struct cm_slot *s = slot_ptr(fd);

	if (s == NULL || (s->r[0] == 0 && s->pd_flags == 0))
		return;
	if (s->r[0] != 0)
		nlimited--;
	__atomic_store_n(&s->r[0], 0, __ATOMIC_RELEASE);
	free(s->ioctls);
	s->ioctls = NULL;
	s->nioctls = -1;
	s->pd_pid = 0;
	s->pd_flags = 0;
}

CM_HIDDEN int
cm_slot_copy_locked(int to, int from)
{
	const struct cm_slot *s = slot_ptr(from);
	struct cm_slot copy;

	if (s == NULL || (s->r[0] == 0 && s->pd_flags == 0)) {
		cm_slot_forget_locked(to);
		return (0);
	}
	copy = *s;
	if (s->nioctls > 0) {
		copy.ioctls = malloc((size_t)s->nioctls * sizeof(*copy.ioctls));
		if (copy.ioctls == NULL)
			return (-ENOMEM);
		memcpy(copy.ioctls, s->ioctls,
		    (size_t)s->nioctls * sizeof(*copy.ioctls));
	} else {
		copy.ioctls = NULL;
	}
	cm_slot_forget_locked(to);
	return (cm_slot_put_locked(to, &copy));
}

CM_HIDDEN unsigned int
cm_slots_limited(void)
{
	return (__atomic_load_n(&nlimited, __ATOMIC_RELAXED));
}

CM_HIDDEN int
cm_check_slow(int fd, uint64_t need)
{
	const struct cm_slot *s = slot_ptr(fd);
	uint64_t have;
	int i;

	if (s == NULL)
		return (0);
	i = CAPIDXBIT(need) == 2 ? 1 : 0;
	if (i == 0) {
		have = __atomic_load_n(&s->r[0], __ATOMIC_ACQUIRE);
		if (have == 0)
			return (0);
	} else {
		if (__atomic_load_n(&s->r[0], __ATOMIC_ACQUIRE) == 0)
			return (0);
		have = __atomic_load_n(&s->r[1], __ATOMIC_ACQUIRE);
	}
	return ((have & need) == need ? 0 : -ENOTCAPABLE);
}

CM_HIDDEN int
cm_check_rights(int fd, const cap_rights_t *need)
{
	int r;

	if (!cm_any_limited)
		return (0);
	if ((r = cm_check_slow(fd, need->cr_rights[0])) != 0)
		return (r);
	return (cm_check_slow(fd, need->cr_rights[1]));
}

/* A copy of fd's ioctl list (table lock held), or NULL. */
CM_HIDDEN unsigned long *
cm_slot_ioctls_dup_locked(int fd)
{
	const struct cm_slot *s = slot_ptr(fd);
	unsigned long *copy;

	if (s == NULL || s->nioctls <= 0)
		return (NULL);
	copy = malloc((size_t)s->nioctls * sizeof(*copy));
	if (copy != NULL)
		memcpy(copy, s->ioctls, (size_t)s->nioctls * sizeof(*copy));
	return (copy);
}

/* Copy up to max commands; -1 when fd has no ioctl limit.  Lock held. */
CM_HIDDEN ssize_t
cm_slot_ioctls_copy_locked(int fd, unsigned long *cmds, size_t max)
{
	const struct cm_slot *s = slot_ptr(fd);

	if (s == NULL || s->r[0] == 0 || s->nioctls < 0)
		return (-1);
	for (int32_t i = 0; i < s->nioctls && (size_t)i < max; i++)
		cmds[i] = s->ioctls[i];
	return (s->nioctls);
}

/* Is cmd in fd's ioctl list (or is there no list)?  Lock held. */
CM_HIDDEN bool
cm_ioctl_allowed_locked(int fd, unsigned long cmd)
{
	const struct cm_slot *s = slot_ptr(fd);

	if (s == NULL || s->r[0] == 0 || s->nioctls < 0)
		return (true);
	for (int32_t i = 0; i < s->nioctls; i++)
		if (s->ioctls[i] == cmd)
			return (true);
	return (false);
}
