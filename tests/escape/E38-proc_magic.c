/* E38: magic links of a held /proc (/proc/self/root, /proc/self/cwd,
 * /proc/1/root, /proc/self/fd/N), which jump to any file of the system.
 * Refused by: Landlock (a held procfs directory gets no rule, and the
 * target is outside every held tree), the library's resolver (it never
 * lets the kernel follow a link). Expect: EACCES raw; EACCES or
 * ENOTCAPABLE through the library. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

struct ctx {
	int	proc, outside;
};

static int
attack(void *arg)
{
	struct ctx *c = arg;
	char fdpath[64];

	snprintf(fdpath, sizeof(fdpath), "self/fd/%d", c->outside);
	esc_enter();
	REFUSED(syscall(SYS_openat, c->proc, "self/root/etc/passwd",
	    O_RDONLY), EACCES);
	REFUSED(syscall(SYS_openat, c->proc, "thread-self/root/etc/passwd",
	    O_RDONLY), EACCES);
	REFUSED(syscall(SYS_openat, c->proc, "1/root/etc/passwd", O_RDONLY),
	    EACCES);
	REFUSED(syscall(SYS_openat, c->proc, "self/cwd", O_RDONLY), EACCES);
	/* Reopening an O_PATH descriptor of an outside file for reading. */
	REFUSED(syscall(SYS_openat, c->proc, fdpath, O_RDONLY), EACCES);
	REFUSED2(openat(c->proc, "self/root/etc/passwd", O_RDONLY), EACCES,
	    ENOTCAPABLE);
	REFUSED2(openat(c->proc, fdpath, O_RDONLY), EACCES, ENOTCAPABLE);
	/* A held /proc gives nothing beneath it: /proc/<pid> would be a
	 * handle on another process (see E44). */
	REFUSED(syscall(SYS_openat, c->proc, "self/status", O_RDONLY), EACCES);
	return (esc_status());
}

int
main(void)
{
	struct ctx c;

	if (landlock_abi() < 1)
		esc_skip("no Landlock: magic links of a held /proc are not "
		    "confined on this kernel");
	c.proc = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (c.proc < 0)
		esc_skip("/proc is not mounted");
	c.outside = open("/etc/passwd", O_PATH | O_CLOEXEC);
	CONTROL(c.outside);
	return (esc_finish(esc_run(attack, &c, NULL)));
}
