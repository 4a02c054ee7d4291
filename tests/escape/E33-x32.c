/* E33: x32 system call numbers (nr | 0x40000000), a second table of the
 * same calls on x86-64 that a filter matching plain numbers misses.
 * Refused by: seccomp (x32 bit). Expect: ECAPMODE. */
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

#if defined(__x86_64__)
#define X32	0x40000000L

static int
attack(void *arg)
{
	(void)arg;
	esc_enter();
	REFUSED(syscall(X32 | SYS_openat, AT_FDCWD, "/etc/passwd", O_RDONLY),
	    ECAPMODE);
	REFUSED(syscall(X32 | SYS_open, "/etc/passwd", O_RDONLY), ECAPMODE);
	REFUSED(syscall(X32 | SYS_socket, AF_INET, SOCK_STREAM, 0), ECAPMODE);
	REFUSED(syscall(X32 | SYS_getpid), ECAPMODE);
	/* x32's own numbers (512+) for calls with compat layouts. */
	REFUSED(syscall(X32 | 520 /* x32 execve */, "/bin/true", NULL, NULL),
	    ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	errno = 0;
	SOFT_CONTROL(syscall(X32 | SYS_getpid));
	return (esc_finish(esc_run(attack, NULL, NULL)));
}
#else
int
main(void)
{
	esc_skip("x32 is an x86-64 ABI");
}
#endif
