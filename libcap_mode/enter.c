/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * enter.c - cap_enter(), cap_getmode(), cap_sandboxed()
 *
 * cap_enter installs the layers in this order, each step needing the
 * freedom the next one takes away:
 *   1. Check strict mode against what this kernel can give, before
 *      anything irreversible happens.
 *   2. Build the Landlock ruleset from the directory descriptors held now
 *      (it reads /proc/self/fd, which step 3 makes unreachable).
 *   3. Set no_new_privs and restrict every thread to the Landlock domain
 *      (it lists /proc/self/task and signals threads, which step 4 would
 *      refuse).
 *   4. Install the seccomp filter on all threads at once (TSYNC).  From
 *      here on, global namespaces are gone.
 *   5. Record the mode and, if asked, say so on CAPMODE_TRACE_FD.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sys.h"

CM_HIDDEN volatile int cm_capmode;
CM_HIDDEN uint32_t cm_enforced;
CM_HIDDEN unsigned int cm_threads_confined;

static void
trace_entered(void)
{
	const char *s = getenv("CAPMODE_TRACE_FD");
	char line[256];
	char *end;
	long fd;
	int n = 0;

	if (s == NULL || *s == '\0')
		return;
	fd = strtol(s, &end, 10);
	if (*end != '\0' || fd < 0 || fd > 1 << 20)
		return;
	n = snprintf(line, sizeof(line), "capmode: entered pid=%ld",
	    cm_sc0(SYS_getpid));
	for (uint32_t bit = 1; bit <= CAP_MODE_G_ALL && n < 200; bit <<= 1)
		if ((cm_enforced & bit) != 0)
			n += snprintf(line + n, sizeof(line) - (size_t)n, " %s",
			    cap_mode_guarantee_name(bit));
	line[n++] = '\n';
	(void)cm_sc3(SYS_write, fd, line, n);
}

static int
enter(void)
{
	uint32_t required = cm_strict_required();
	uint32_t avail = cm_available();
	uint32_t enforced = 0;
	unsigned int nthreads = 0;
	int rfd = -1, r;

	if ((required & ~avail) != 0)
		return (-ENOTSUP);
	if ((r = cm_landlock_build(&rfd)) < 0 &&
	    (required & CAP_MODE_G_LANDLOCK_FS) != 0)
		return (r);
	if (rfd >= 0) {
		r = cm_threads_restrict(rfd, &nthreads);
		cm_close(rfd);
		if (r == 0 || r == -ENOENT) {
			enforced |= cm_landlock_guarantees(cm_landlock_abi());
			if (r == 0)
				enforced |= CAP_MODE_G_ALL_THREADS;
		}
		/*
		 * A thread we could not confine (it blocks the signal) is an
		 * error even in best-effort mode: it would escape Landlock.
		 * Without /proc we cannot list threads at all; that is a
		 * missing guarantee, refused only in strict mode.
		 */
		if (r < 0 && r != -ENOENT)
			return (r);
		if (r == -ENOENT && (required & CAP_MODE_G_ALL_THREADS) != 0)
			return (-ENOTSUP);
	}
	r = cm_seccomp_install();
	if (r == 0)
		enforced |= CAP_MODE_G_SECCOMP;
	else if ((required & CAP_MODE_G_SECCOMP) != 0)
		return (-ENOTSUP);	/* the probe said yes, the kernel no */
	else if ((enforced & CAP_MODE_G_LANDLOCK_FS) == 0)
		return (r == -EINVAL ? -ENOSYS : r);
	if (rfd < 0)
		enforced |= CAP_MODE_G_ALL_THREADS;	/* TSYNC covered them */
	enforced |= avail & (CAP_MODE_G_BENEATH | CAP_MODE_G_KERNEL_RIGHTS |
	    CAP_MODE_G_BPF_RIGHTS);
	cm_enforced = enforced;
	cm_threads_confined = nthreads;
	cm_capmode = 1;
	trace_entered();
	return (0);
}

CM_EXPORT int
cap_enter(void)
{
	static pthread_mutex_t enter_mutex = PTHREAD_MUTEX_INITIALIZER;
	int saved = errno, r;

	if (cm_capmode)
		return (0);
	pthread_mutex_lock(&enter_mutex);
	/*
	 * The table lock is also taken by our pthread_atfork handler, so a
	 * fork(3) in another thread waits until every layer is in place: its
	 * child then inherits all of them, never half.
	 */
	cm_table_lock();
	r = cm_capmode ? 0 : enter();
	cm_table_unlock();
	pthread_mutex_unlock(&enter_mutex);
	errno = saved;
	return ((int)cm_ret(r));
}

/*
 * Ask the kernel, not a variable: the filter refuses faccessat(AT_FDCWD)
 * with ECAPMODE, while an unconfined process gets ENOENT for "".  This
 * stays right after execve and in children.
 */
static bool
kernel_says_capmode(void)
{
	return (cm_sc4(SYS_faccessat, AT_FDCWD, "", F_OK, 0) == -ECAPMODE);
}

CM_EXPORT int
cap_getmode(unsigned int *modep)
{
	if (modep == NULL)
		return ((int)cm_ret(-EFAULT));
	if (!cm_capmode && kernel_says_capmode())
		cm_capmode = 1;
	*modep = cm_capmode ? 1 : 0;
	return (0);
}

CM_EXPORT bool
cap_sandboxed(void)
{
	unsigned int mode;

	return (cap_getmode(&mode) == 0 && mode == 1);
}
