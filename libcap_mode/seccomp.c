/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * seccomp.c - layer 1: the capability-mode syscall filter
 *
 * The program is generated at build time (tools/gen_seccomp.c) and only
 * patched here: our pid, for signals to ourselves; whether Landlock scopes
 * signals (then signals to single processes are left to it, so children
 * forked in capability mode can signal themselves); and the address of a
 * sealed empty string.  The metadata-changing *at calls (fchownat,
 * fchmodat2, utimensat) may only be given that string, with AT_EMPTY_PATH:
 * Landlock does not mediate them, so they must not walk a path at all.
 * The page holding the string is read-only and sealed (mseal, Linux 6.10),
 * so its contents cannot be changed after the filter names its address.
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
cm_seccomp_install(bool signals_scoped)
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
	for (int i = 0; i < cm_filter_scoped_count; i++)
		f[cm_filter_scoped[i]].k = signals_scoped ? 1 : 0;
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
