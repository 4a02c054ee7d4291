/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * status.c - which guarantees this kernel can give, and which are in force
 *
 * One place probes the kernel's features and names what each costs when it
 * is missing, so cap_enter, caprun --print-policy and humans agree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "sys.h"

static uint32_t strict_required;
static bool strict_from_env_done;

/* clang-format off */
static const struct {
	uint32_t	bit;
	const char	*name;
	const char	*missing;	/* why it may be missing, and the fix */
} guarantees[] = {
	{ CAP_MODE_G_SECCOMP, "seccomp",
	  "seccomp filters unavailable (CONFIG_SECCOMP_FILTER=y needed)" },
	{ CAP_MODE_G_ALL_THREADS, "all-threads",
	  "a thread could not be confined (it blocks SIGRTMAX, or /proc is not mounted)" },
	{ CAP_MODE_G_LANDLOCK_FS, "landlock-fs",
	  "no Landlock (Linux >= 5.13 with CONFIG_SECURITY_LANDLOCK=y and \"landlock\" in the lsm= boot parameter)" },
	{ CAP_MODE_G_LANDLOCK_REFER, "landlock-refer",
	  "Landlock ABI < 2 (Linux 5.19): cross-directory rename/link always refused" },
	{ CAP_MODE_G_LANDLOCK_TRUNCATE, "landlock-truncate",
	  "Landlock ABI < 3 (Linux 6.2): truncate(2) by raw syscall not mediated" },
	{ CAP_MODE_G_LANDLOCK_NET, "landlock-net",
	  "Landlock ABI < 4 (Linux 6.7): TCP bind/connect refused by seccomp only" },
	{ CAP_MODE_G_LANDLOCK_IOCTL, "landlock-ioctl",
	  "Landlock ABI < 5 (Linux 6.10): device ioctls not mediated by Landlock" },
	{ CAP_MODE_G_LANDLOCK_SCOPE, "landlock-scope",
	  "Landlock ABI < 6 (Linux 6.12): abstract unix sockets not scoped" },
	{ CAP_MODE_G_KERNEL_RIGHTS, "kernel-rights",
	  "descriptors cannot be reopened narrower (/proc not mounted or kcmp unavailable)" },
	{ CAP_MODE_G_BPF_RIGHTS, "bpf-rights",
	  "exact per-descriptor rights need the eBPF LSM programs (capbpf load, as root)" },
	{ CAP_MODE_G_BENEATH, "beneath",
	  "openat2(2) unavailable (Linux >= 5.6): lookups beneath a directory cannot be enforced" },
};
/* clang-format on */
#define NGUARANTEES	(sizeof(guarantees) / sizeof(guarantees[0]))

CM_EXPORT const char *
cap_mode_guarantee_name(uint32_t bit)
{
	for (size_t i = 0; i < NGUARANTEES; i++)
		if (guarantees[i].bit == bit)
			return (guarantees[i].name);
	return (NULL);
}

static bool
openat2_works(void)
{
	struct cm_open_how how = { .flags = O_PATH | O_CLOEXEC,
		.resolve = CM_RESOLVE_BENEATH };
	long fd;

	/* In capability mode openat2 is refused: what cap_enter found. */
	if (cm_capmode)
		return ((cm_enforced & CAP_MODE_G_BENEATH) != 0);
	fd = cm_openat2(AT_FDCWD, ".", &how);
	if (fd >= 0)
		cm_close((int)fd);
	return (fd >= 0 || fd == -ECAPMODE || fd == -EACCES);
}

static bool
proc_and_kcmp_work(void)
{
	long fd = cm_sc4(SYS_faccessat, AT_FDCWD, "/proc/self/fd", F_OK, 0);

	return (fd == 0 && cm_kcmp_file(0, 0) != -ENOSYS);
}

CM_HIDDEN uint32_t
cm_available(void)
{
	uint32_t g = 0;

	if (cm_seccomp_available())
		g |= CAP_MODE_G_SECCOMP | CAP_MODE_G_ALL_THREADS;
	g |= cm_landlock_guarantees(cm_landlock_abi());
	if (openat2_works())
		g |= CAP_MODE_G_BENEATH;
	if (cm_capmode ? (cm_enforced & CAP_MODE_G_KERNEL_RIGHTS) != 0 :
	    proc_and_kcmp_work())
		g |= CAP_MODE_G_KERNEL_RIGHTS;
	if (cm_bpf_rights_active())
		g |= CAP_MODE_G_BPF_RIGHTS;
	return (g);
}

CM_HIDDEN uint32_t
cm_strict_required(void)
{
	if (!strict_from_env_done) {
		const char *s = getenv("CAPMODE_STRICT");

		strict_from_env_done = true;
		if (s != NULL && strcmp(s, "1") == 0 && strict_required == 0)
			strict_required = CAP_MODE_G_ALL &
			    ~CAP_MODE_G_BPF_RIGHTS;
	}
	return (strict_required);
}

CM_EXPORT int
cap_mode_set_strict(uint32_t required)
{
	if ((required & ~CAP_MODE_G_ALL) != 0)
		return ((int)cm_ret(-EINVAL));
	strict_from_env_done = true;
	strict_required = required;
	return (0);
}

CM_EXPORT int
cap_mode_status(struct cap_mode_status *st)
{
	if (st == NULL)
		return ((int)cm_ret(-EFAULT));
	memset(st, 0, sizeof(*st));
	st->cms_version = CAP_MODE_STATUS_VERSION;
	st->cms_capmode = cm_capmode ? 1 : 0;
	st->cms_landlock_abi = cm_landlock_abi();
	st->cms_strict = cm_strict_required() != 0;
	st->cms_available = cm_available();
	st->cms_enforced = cm_capmode ? cm_enforced : 0;
	st->cms_threads = cm_threads_confined;
	st->cms_limited_fds = cm_slots_limited();
	return (0);
}

CM_EXPORT int
cap_mode_status_format(char *buf, size_t len)
{
	struct cap_mode_status st;
	size_t used = 0;
	int n;

	if (buf == NULL && len != 0)
		return ((int)cm_ret(-EFAULT));
	(void)cap_mode_status(&st);
#define OUT(...)							\
	do {								\
		n = snprintf(buf == NULL ? NULL : buf + (used < len ? used : len), \
		    used < len ? len - used : 0, __VA_ARGS__);		\
		if (n > 0)						\
			used += (size_t)n;				\
	} while (0)
	OUT("capability mode: %s\n", st.cms_capmode ? "entered" : "not entered");
	OUT("landlock abi: %d\n", st.cms_landlock_abi);
	OUT("strict mode: %s\n", st.cms_strict ? "on" : "off");
	OUT("limited descriptors: %u\n", st.cms_limited_fds);
	OUT("descriptor rights kept by: %s\n",
	    (st.cms_available & CAP_MODE_G_BPF_RIGHTS) != 0 ?
	    "eBPF LSM (capbpf) and library" : "library");
	for (size_t i = 0; i < NGUARANTEES; i++) {
		uint32_t bit = guarantees[i].bit;
		bool have = st.cms_capmode ? (st.cms_enforced & bit) != 0 :
		    (st.cms_available & bit) != 0;

		if (have)
			OUT("%-18s %s\n", guarantees[i].name,
			    st.cms_capmode ? "enforced" : "available");
		else
			OUT("%-18s missing: %s\n", guarantees[i].name,
			    guarantees[i].missing);
	}
#undef OUT
	return ((int)used);
}
