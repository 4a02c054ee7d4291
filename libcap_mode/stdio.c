/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * stdio.c - forget the rights of descriptors that libc closes itself
 *
 * fclose(3) and closedir(3) close their descriptor inside libc, without
 * passing through close() above.  Without these wrappers the number would
 * keep its old rights in the table and the next descriptor to reuse it
 * would be refused (ENOTCAPABLE) for nothing.  glibc only: the wrappers
 * find libc's functions with dlsym(RTLD_NEXT); musl's static stdio closes
 * with a raw system call that nothing can see (documented in
 * cap_rights_limit(3)).
 */
#include <stdio.h>	/* defines __GLIBC__ */
#ifdef __GLIBC__
#include <dirent.h>
#include <dlfcn.h>

#include "internal.h"

/* Referenced from rights_limit.c so static links always take this file. */
CM_HIDDEN const char cm_anchor_stdio = 0;

static int (*real_fclose)(FILE *);
static int (*real_closedir)(DIR *);

static void
forget(int fd)
{
	if (fd < 0)
		return;
	cm_table_lock();
	cm_slot_forget_locked(fd);
	cm_table_unlock();
}

CM_EXPORT int
fclose(FILE *fp)
{
	if (real_fclose == NULL)
		real_fclose = (int (*)(FILE *))dlsym(RTLD_NEXT, "fclose");
	if (cm_any_limited && fp != NULL)
		forget(fileno(fp));
	return (real_fclose(fp));
}

CM_EXPORT int
closedir(DIR *d)
{
	if (real_closedir == NULL)
		real_closedir = (int (*)(DIR *))dlsym(RTLD_NEXT, "closedir");
	if (cm_any_limited)
		forget(dirfd(d));
	return (real_closedir(d));
}
#else
#include "internal.h"

/* Referenced from rights_limit.c so static links always take this file. */
CM_HIDDEN const char cm_anchor_stdio = 0;
#endif
