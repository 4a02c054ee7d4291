/* E30: watching the filesystem by path (inotify_add_watch on paths
 * outside; fanotify, which reports whole mounts). Refused by: seccomp
 * (inotify_add_watch, fanotify_init, fanotify_mark). Expect: ECAPMODE. */
#include <fcntl.h>
#include <sys/fanotify.h>
#include <sys/inotify.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	int in = *(int *)arg;

	esc_enter();
	REFUSED(inotify_add_watch(in, "/etc", IN_ALL_EVENTS), ECAPMODE);
	REFUSED(syscall(SYS_inotify_add_watch, in, "/etc", IN_ALL_EVENTS),
	    ECAPMODE);
	REFUSED(fanotify_init(FAN_CLASS_NOTIF, O_RDONLY), ECAPMODE);
	REFUSED(syscall(SYS_fanotify_init, FAN_CLASS_NOTIF, O_RDONLY),
	    ECAPMODE);
	REFUSED(syscall(SYS_fanotify_mark, in, FAN_MARK_ADD, FAN_OPEN,
	    AT_FDCWD, "/"), ECAPMODE);
	/* A new inotify instance is harmless without watches. */
	CONTROL(inotify_init1(IN_CLOEXEC));
	return (esc_status());
}

int
main(void)
{
	int in = inotify_init1(IN_CLOEXEC);

	CONTROL(in);
	CONTROL(inotify_add_watch(in, "/tmp", IN_CREATE));
	return (esc_finish(esc_run(attack, &in, NULL)));
}
