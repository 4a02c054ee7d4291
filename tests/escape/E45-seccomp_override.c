/* E45: undoing the seccomp filter: installing a filter that allows
 * everything (filters stack, the strictest answer wins), clearing
 * no_new_privs, or turning seccomp off with prctl. Refused by: the kernel
 * (stacked filters, sticky no_new_privs) under seccomp. Expect: the
 * global namespace stays refused with ECAPMODE. */
#include <fcntl.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include "esc.h"

static int
attack(void *arg)
{
	struct sock_filter allow[] = {
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { 1, allow };

	(void)arg;
	esc_enter();
	/* Adding a filter is allowed; it cannot loosen the first one. */
	CONTROL(syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog));
	CONTROL(prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0));
	REFUSED(open("/etc/passwd", O_RDONLY), ECAPMODE);
	REFUSED(syscall(SYS_openat, AT_FDCWD, "/etc/passwd", O_RDONLY),
	    ECAPMODE);
	/* no_new_privs cannot be cleared. */
	REFUSED(prctl(PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0), EINVAL);
	CONTROL(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1 ? 0 : -1);
	/* Seccomp mode stays "filter". */
	CONTROL(prctl(PR_GET_SECCOMP, 0, 0, 0, 0) == 2 ? 0 : -1);
	REFUSED(prctl(PR_SET_SECCOMP, SECCOMP_MODE_DISABLED, 0, 0, 0), EINVAL);
	return (esc_status());
}

int
main(void)
{
	return (esc_finish(esc_run(attack, NULL, NULL)));
}
