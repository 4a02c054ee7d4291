/* E07: TIOCSTI injection (typing commands into the terminal's input, to be
 * run by the shell outside the sandbox). Refused by: seccomp (ioctl cmd,
 * low 32 bits, as the kernel compares them). Expect: ECAPMODE. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <termios.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	int tty = *(int *)arg;
	char c = '#';

	esc_enter();
	REFUSED(ioctl(tty, TIOCSTI, &c), ECAPMODE);
	REFUSED(syscall(SYS_ioctl, tty, TIOCSTI, &c), ECAPMODE);
	/* High bits set: the kernel truncates cmd to 32 bits. */
	REFUSED(syscall(SYS_ioctl, tty, 0x100000000UL | TIOCSTI, &c),
	    ECAPMODE);
	REFUSED(syscall(SYS_ioctl, tty, 0xffffffff00000000UL | TIOCSTI, &c),
	    ECAPMODE);
	/* Other terminal ioctls stay allowed. */
	CONTROL(ioctl(tty, TIOCGWINSZ, &(struct winsize){ 0 }));
	return (esc_status());
}

int
main(void)
{
	char c = '#';
	int m, s;

	m = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (m < 0 || grantpt(m) != 0 || unlockpt(m) != 0)
		esc_skip("no pseudo-terminals (/dev/ptmx)");
	s = open(ptsname(m), O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (s < 0)
		esc_skip("cannot open the pty slave");
	/* TIOCSTI needs CAP_SYS_ADMIN or a controlling tty, and the
	 * legacy_tiocsti sysctl; the control is informative only. */
	SOFT_CONTROL(ioctl(s, TIOCSTI, &c));
	return (esc_finish(esc_run(attack, &s, NULL)));
}
