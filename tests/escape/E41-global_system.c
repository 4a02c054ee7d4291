/* E41: global system state (host name, clock, reboot, swap, accounting,
 * kernel log, modules, kexec, quotas, I/O ports, personality). Each call
 * is made with arguments that would fail harmlessly if it got through.
 * Refused by: seccomp (none is in the allowlist). Expect: ECAPMODE. */
#include <sys/personality.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	char big[300] = { 0 };
	struct timespec ts = { 0, 0 };

	(void)arg;
	esc_enter();
	/* 300 bytes: EINVAL from the kernel if not refused first. */
	REFUSED(sethostname(big, sizeof(big)), ECAPMODE);
	REFUSED(syscall(SYS_sethostname, big, sizeof(big)), ECAPMODE);
	REFUSED(syscall(SYS_setdomainname, big, sizeof(big)), ECAPMODE);
	/* An invalid clock id. */
	REFUSED(syscall(SYS_clock_settime, 12345, &ts), ECAPMODE);
	REFUSED(syscall(SYS_settimeofday, NULL, NULL), ECAPMODE);
	REFUSED(syscall(SYS_adjtimex, NULL), ECAPMODE);
	/* Wrong magic numbers. */
	REFUSED(syscall(SYS_reboot, 0, 0, 0, NULL), ECAPMODE);
	REFUSED(syscall(SYS_swapon, "", 0), ECAPMODE);
	REFUSED(syscall(SYS_swapoff, ""), ECAPMODE);
	REFUSED(syscall(SYS_acct, NULL), ECAPMODE);
	/* SYSLOG_ACTION_SIZE_BUFFER reads nothing. */
	REFUSED(syscall(SYS_syslog, 10, NULL, 0), ECAPMODE);
	REFUSED(syscall(SYS_init_module, NULL, 0, ""), ECAPMODE);
	REFUSED(syscall(SYS_finit_module, -1, "", 0), ECAPMODE);
	REFUSED(syscall(SYS_delete_module, "", 0), ECAPMODE);
	REFUSED(syscall(SYS_kexec_load, 0, 0, NULL, 0xffffffffUL), ECAPMODE);
	REFUSED(syscall(SYS_quotactl, 0, NULL, 0, NULL), ECAPMODE);
	REFUSED(syscall(SYS_iopl, 4), ECAPMODE);
	REFUSED(syscall(SYS_ioperm, 0, 0, 0), ECAPMODE);
	REFUSED(syscall(SYS_vhangup), ECAPMODE);
	REFUSED(syscall(SYS_sysfs, 3), ECAPMODE);
	REFUSED(syscall(SYS_personality, READ_IMPLIES_EXEC), ECAPMODE);
	/* Reading the personality is allowed. */
	CONTROL(syscall(SYS_personality, 0xffffffffUL));
	return (esc_status());
}

int
main(void)
{
	return (esc_finish(esc_run(attack, NULL, NULL)));
}
