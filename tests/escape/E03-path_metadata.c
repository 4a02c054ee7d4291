/* E03: metadata and attributes by global path (stat, access, readlink,
 * statfs, xattrs, truncate, utimes, chmod, chown). Refused by: seccomp
 * (path syscalls and *at with AT_FDCWD). Expect: ECAPMODE. */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	struct stat st;
	struct statfs sf;
	struct statx sx;
	char buf[64];

	(void)arg;
	esc_enter();
	REFUSED(stat("/etc/passwd", &st), ECAPMODE);
	REFUSED(lstat("/etc/passwd", &st), ECAPMODE);
	REFUSED(fstatat(AT_FDCWD, "/etc/passwd", &st, 0), ECAPMODE);
	REFUSED(access("/etc/passwd", R_OK), ECAPMODE);
	REFUSED(readlink("/proc/self/exe", buf, sizeof(buf)), ECAPMODE);
	REFUSED(statfs("/", &sf), ECAPMODE);
	REFUSED(truncate("/tmp/capmode-nonexistent", 0), ECAPMODE);
	REFUSED(utimes("/tmp", NULL), ECAPMODE);
	REFUSED(chmod("/tmp", 01777), ECAPMODE);
	REFUSED(chown("/tmp", (uid_t)-1, (gid_t)-1), ECAPMODE);
	REFUSED(getxattr("/etc/passwd", "user.x", buf, sizeof(buf)),
	    ECAPMODE);
	REFUSED(setxattr("/tmp", "user.x", "v", 1, 0), ECAPMODE);
	REFUSED(syscall(SYS_stat, "/etc/passwd", &st), ECAPMODE);
	REFUSED(syscall(SYS_lstat, "/etc/passwd", &st), ECAPMODE);
	REFUSED(syscall(SYS_newfstatat, AT_FDCWD, "/etc/passwd", &st, 0),
	    ECAPMODE);
	REFUSED(syscall(SYS_statx, AT_FDCWD, "/etc/passwd", 0, STATX_BASIC_STATS,
	    &sx), ECAPMODE);
	REFUSED(syscall(SYS_access, "/etc/passwd", R_OK), ECAPMODE);
	REFUSED(syscall(SYS_faccessat, AT_FDCWD, "/etc/passwd", R_OK),
	    ECAPMODE);
	REFUSED(syscall(SYS_faccessat2, AT_FDCWD, "/etc/passwd", R_OK, 0),
	    ECAPMODE);
	REFUSED(syscall(SYS_readlink, "/proc/self/exe", buf, sizeof(buf)),
	    ECAPMODE);
	REFUSED(syscall(SYS_readlinkat, AT_FDCWD, "/proc/self/exe", buf,
	    sizeof(buf)), ECAPMODE);
	REFUSED(syscall(SYS_statfs, "/", &sf), ECAPMODE);
	REFUSED(syscall(SYS_truncate, "/tmp/capmode-nonexistent", 0),
	    ECAPMODE);
	REFUSED(syscall(SYS_getxattr, "/etc/passwd", "user.x", buf,
	    sizeof(buf)), ECAPMODE);
	REFUSED(syscall(SYS_lgetxattr, "/etc/passwd", "user.x", buf,
	    sizeof(buf)), ECAPMODE);
	REFUSED(syscall(SYS_listxattr, "/etc/passwd", buf, sizeof(buf)),
	    ECAPMODE);
	REFUSED(syscall(SYS_utimes, "/tmp", NULL), ECAPMODE);
	REFUSED(syscall(SYS_utimensat, AT_FDCWD, "/tmp", NULL, 0), ECAPMODE);
	REFUSED(syscall(SYS_chmod, "/tmp", 01777), ECAPMODE);
	REFUSED(syscall(SYS_fchmodat, AT_FDCWD, "/tmp", 01777), ECAPMODE);
	REFUSED(syscall(SYS_chown, "/tmp", -1, -1), ECAPMODE);
	REFUSED(syscall(SYS_lchown, "/tmp", -1, -1), ECAPMODE);
	REFUSED(syscall(SYS_fchownat, AT_FDCWD, "/tmp", -1, -1, 0), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	struct stat st;

	CONTROL(stat("/etc/passwd", &st));
	CONTROL(access("/etc/passwd", F_OK));
	return (esc_finish(esc_run(attack, NULL, NULL)));
}
