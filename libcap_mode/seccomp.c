/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * seccomp.c - layer 1: the capability-mode syscall filter
 *
 * The program is generated at build time (tools/gen_seccomp.c) and only
 * patched here: our pid, for signals to ourselves, and the address of a
 * sealed empty string, the only path execveat may take (fexecve).  The page
 * holding the string is read-only and sealed (mseal, Linux 6.10), so its
 * contents cannot be changed after the filter names its address; after an
 * exec a new image could map a string of its own there, which is why the
 * filter trusts that address only for execveat, whose path walks Landlock
 * checks anyway.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>

#include "internal.h"
#include "sys.h"
#include "seccomp_filter.h"

static const char *sealed_empty;
static bool sealed_ok;

CM_HIDDEN const char *
cm_sealed_empty(void)
{
	return (sealed_empty != NULL ? sealed_empty : "");
}

CM_HIDDEN bool
cm_sealed_is_sealed(void)
{
	return (sealed_ok);
}

/* Map, fill (with zeros: the empty string), protect and seal one page. */
static int
prepare_sealed_empty(void)
{
	void *p;

	if (sealed_empty != NULL)
		return (0);
	p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return (-ENOMEM);
	sealed_ok = cm_sc3(CM_NR_mseal, p, 4096, 0) == 0;
	sealed_empty = p;
	return (0);
}

CM_HIDDEN int
cm_seccomp_install(void)
{
	struct cm_sock_filter *f;
	struct cm_sock_fprog prog;
	uintptr_t addr;
	long pid, r;

	if ((r = prepare_sealed_empty()) < 0)
		return ((int)r);
	f = malloc(sizeof(cm_filter));
	if (f == NULL)
		return (-ENOMEM);
	memcpy(f, cm_filter, sizeof(cm_filter));
	pid = cm_sc0(SYS_getpid);
	addr = (uintptr_t)sealed_empty;
	for (int i = 0; i < cm_filter_pid_count; i++)
		f[cm_filter_pid[i]].k = (uint32_t)pid;
	for (int i = 0; i < cm_filter_ptr_lo_count; i++)
		f[cm_filter_ptr_lo[i]].k = (uint32_t)addr;
	for (int i = 0; i < cm_filter_ptr_hi_count; i++)
		f[cm_filter_ptr_hi[i]].k = (uint32_t)((uint64_t)addr >> 32);
	prog.len = (unsigned short)(sizeof(cm_filter) / sizeof(cm_filter[0]));
	prog.filter = f;
	r = cm_sc2(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1);
	if (r == 0)
		r = cm_sc3(CM_NR_seccomp, CM_SECCOMP_SET_MODE_FILTER,
		    CM_SECCOMP_FILTER_FLAG_TSYNC, &prog);
	free(f);
	/* TSYNC returns the id of a thread it could not synchronise. */
	if (r > 0)
		return (-EBUSY);
	return ((int)r);
}

/*
 * Is seccomp filtering available?  SECCOMP_GET_ACTION_AVAIL (Linux 4.14)
 * answers without installing anything; a kernel without filter support
 * fails it with EINVAL.
 */
CM_HIDDEN bool
cm_seccomp_available(void)
{
	uint32_t action = CM_SECCOMP_RET_ERRNO;

	return (cm_sc3(CM_NR_seccomp, 2 /* SECCOMP_GET_ACTION_AVAIL */, 0,
	    &action) == 0);
}

/*
 * After fork(3) in capability mode: the child inherited a filter that lets
 * it signal the pid patched at cap_enter, which is now its parent's.  Add
 * a filter that refuses every signal by pid; the child signals itself with
 * pidfd_send_signal(PIDFD_SELF_*) instead (see signal.c).  Runs in the
 * child, single-threaded, from the pthread_atfork handler; children made
 * without fork(3) (vfork, posix_spawn, raw clone) keep the parent's filter.
 */
CM_HIDDEN void
cm_seccomp_child(void)
{
	static const uint32_t nrs[] = { SYS_kill, SYS_tgkill, SYS_tkill,
		SYS_rt_sigqueueinfo, SYS_rt_tgsigqueueinfo };
	struct cm_sock_filter f[4 + 2 * 5 + 1];
	struct cm_sock_fprog prog;
	unsigned short n = 0;

	f[n++] = (struct cm_sock_filter){ 0x20, 0, 0, CM_SD_ARCH };
	f[n++] = (struct cm_sock_filter){ 0x15, 1, 0, CM_AUDIT_ARCH };
	f[n++] = (struct cm_sock_filter){ 0x06, 0, 0, CM_SECCOMP_RET_ALLOW };
	f[n++] = (struct cm_sock_filter){ 0x20, 0, 0, CM_SD_NR };
	for (size_t i = 0; i < sizeof(nrs) / sizeof(nrs[0]); i++) {
		f[n++] = (struct cm_sock_filter){ 0x15, 0, 1, nrs[i] };
		f[n++] = (struct cm_sock_filter){ 0x06, 0, 0,
			CM_SECCOMP_RET_ERRNO | ECAPMODE };
	}
	f[n++] = (struct cm_sock_filter){ 0x06, 0, 0, CM_SECCOMP_RET_ALLOW };
	prog.len = n;
	prog.filter = f;
	(void)cm_sc3(CM_NR_seccomp, CM_SECCOMP_SET_MODE_FILTER, 0, &prog);
}
