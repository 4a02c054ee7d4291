/* E08: TIOCLINUX (console selection paste, which injects input like
 * TIOCSTI). Refused by: seccomp (ioctl cmd, low 32 bits).
 * Expect: ECAPMODE. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	int tty = *(int *)arg;
	char sub = 3;	/* TIOCL_PASTESEL */

	esc_enter();
	REFUSED(ioctl(tty, TIOCLINUX, &sub), ECAPMODE);
	REFUSED(syscall(SYS_ioctl, tty, TIOCLINUX, &sub), ECAPMODE);
	REFUSED(syscall(SYS_ioctl, tty, 0x7fffffff00000000UL | TIOCLINUX,
	    &sub), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	int m, s;

	m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (m < 0 || grantpt(m) != 0 || unlockpt(m) != 0)
		esc_skip("no pseudo-terminals (/dev/ptmx)");
	s = open(ptsname(m), O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (s < 0)
		esc_skip("cannot open the pty slave");
	return (esc_finish(esc_run(attack, &s, NULL)));
}
