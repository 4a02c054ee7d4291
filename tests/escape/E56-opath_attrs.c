/* E56: changing mode, owner or times of an object outside the held
 * directory. Landlock mediates neither attribute changes nor opens that
 * neither read nor write (O_PATH, access mode 3), so each way to name the
 * secret for such a change is tried: an O_PATH or mode-3 descriptor by raw
 * openat or openat2 through "..", then fchmod/fchown/futimens on it; the
 * path-taking fchmodat, fchmodat2, fchownat and utimensat through "..";
 * the library's calls through "..". Refused by: seccomp (openat with O_PATH
 * or access mode 3, openat2, path-taking attribute calls) and the library.
 * Expect: ECAPMODE (ENOSYS for openat2), ENOTCAPABLE from the library, and
 * the secret's mode and times unchanged. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "esc.h"

/* x86-64 and generic numbers (Linux 6.13 and 6.17). */
#define NR_setxattrat		463
#define NR_removexattrat	466
#define NR_file_setattr		469

#ifndef SYS_openat2
#define SYS_openat2	437
#endif
#ifndef SYS_fchmodat2
#define SYS_fchmodat2	452
#endif

struct how {
	unsigned long long	flags, mode, resolve;
};

static int
attack(void *arg)
{
	struct tree *t = arg;
	struct timespec ts[2] = { { 0, 0 }, { 0, 0 } };
	struct how h_path = { O_PATH, 0, 0 }, h_none = { O_ACCMODE, 0, 0 };
	int held = esc_open_held(t);
	long fd;

	esc_enter();
	/* Descriptors Landlock would not check. */
	REFUSED(syscall(SYS_openat, held, "../secret", O_PATH), ECAPMODE);
	REFUSED(syscall(SYS_openat, held, "..", O_PATH | O_DIRECTORY),
	    ECAPMODE);
	REFUSED(syscall(SYS_openat, held, "../secret", O_PATH | O_RDWR),
	    ECAPMODE);
	REFUSED(fd = syscall(SYS_openat, held, "../secret", O_ACCMODE),
	    ECAPMODE);
	if (fd >= 0)
		REFUSED(syscall(SYS_fchmod, fd, 0777), ECAPMODE);
	REFUSED(syscall(SYS_openat, held, "../secret", O_ACCMODE | O_CLOEXEC |
	    O_NONBLOCK), ECAPMODE);
	REFUSED(syscall(SYS_openat2, held, "../secret", &h_path,
	    sizeof(h_path)), ENOSYS);
	REFUSED(syscall(SYS_openat2, held, "../secret", &h_none,
	    sizeof(h_none)), ENOSYS);
	/* Paths given to the attribute calls themselves. */
	REFUSED(syscall(SYS_fchmodat, held, "../secret", 0777), ECAPMODE);
	REFUSED(syscall(SYS_fchmodat2, held, "../secret", 0777, 0), ECAPMODE);
	REFUSED(syscall(SYS_fchownat, held, "../secret", -1, -1, 0), ECAPMODE);
	REFUSED(syscall(SYS_utimensat, held, "../secret", ts, 0), ECAPMODE);
	/* Newer calls that take a dirfd and a path. */
	REFUSED(syscall(NR_setxattrat, held, "../secret", 0, "user.x", NULL,
	    0), ECAPMODE);
	REFUSED(syscall(NR_removexattrat, held, "../secret", 0, "user.x"),
	    ECAPMODE);
	REFUSED(syscall(NR_file_setattr, held, "../secret", NULL, 0, 0),
	    ECAPMODE);
	/* The library, through "..". */
	REFUSED(fchmodat(held, "../secret", 0777, 0), ENOTCAPABLE);
	REFUSED(fchownat(held, "../secret", (uid_t)-1, (gid_t)-1, 0),
	    ENOTCAPABLE);
	REFUSED(utimensat(held, "../secret", ts, 0), ENOTCAPABLE);
	return (esc_status());
}

int
main(void)
{
	struct tree t;
	struct stat st;
	char p[PATH_MAX + 16];
	int status;

	esc_tree(&t);
	snprintf(p, sizeof(p), "%s/secret", t.base);
	status = esc_run(attack, &t, NULL);
	if (stat(p, &st) == 0 && ((st.st_mode & 07777) != 0666 ||
	    st.st_mtime == 0)) {
		printf("#   ESCAPE: the secret's mode or times changed "
		    "(mode %04o, mtime %ld)\n", st.st_mode & 07777,
		    (long)st.st_mtime);
		status = ESC_ESCAPED;
	}
	tree_remove(&t);
	return (esc_finish(status));
}
