/* E56: changing mode, owner or times of an object outside the held
 * directory through an O_PATH descriptor of it (raw openat through "..":
 * Landlock does not see O_PATH opens), then the library's fchmodat /
 * fchownat / utimensat with AT_EMPTY_PATH, which pass the filter's sealed
 * "" (Landlock does not mediate attribute changes either). Refused by: the
 * library (AT_EMPTY_PATH on a descriptor it did not resolve beneath a held
 * directory) or seccomp. Expect: ENOTCAPABLE or ECAPMODE, and the secret's
 * mode unchanged. */
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

static int
attack(void *arg)
{
	struct tree *t = arg;
	struct timespec ts[2] = { { 0, 0 }, { 0, 0 } };
	int held = esc_open_held(t);
	long sec, up;

	esc_enter();
	sec = syscall(SYS_openat, held, "../secret", O_PATH);
	up = syscall(SYS_openat, held, "..", O_PATH | O_DIRECTORY);
	if (sec < 0 || up < 0) {
		esc_note("O_PATH outside refused: nothing to attack");
		REFUSED2(sec < 0 ? -1 : up, EACCES, ECAPMODE);
		return (esc_status());
	}
	REFUSED2(fchmodat((int)sec, "", 0777, AT_EMPTY_PATH), ENOTCAPABLE,
	    ECAPMODE);
	REFUSED2(fchmodat((int)up, "secret", 0777, 0), ENOTCAPABLE, ECAPMODE);
	REFUSED2(fchownat((int)sec, "", (uid_t)-1, (gid_t)-1, AT_EMPTY_PATH),
	    ENOTCAPABLE, ECAPMODE);
	REFUSED2(utimensat((int)sec, "", ts, AT_EMPTY_PATH), ENOTCAPABLE,
	    ECAPMODE);
	REFUSED2(utimensat((int)up, "secret", ts, 0), ENOTCAPABLE, ECAPMODE);
	REFUSED2(syscall(SYS_utimensat, sec, NULL, ts, 0), ECAPMODE, EBADF);
	REFUSED2(syscall(SYS_fchmod, sec, 0777), EBADF, ECAPMODE);
	/* Newer calls that take a dirfd and AT_EMPTY_PATH. */
	REFUSED(syscall(NR_setxattrat, sec, "", AT_EMPTY_PATH, "user.x",
	    NULL, 0), ECAPMODE);
	REFUSED(syscall(NR_removexattrat, sec, "", AT_EMPTY_PATH, "user.x"),
	    ECAPMODE);
	REFUSED(syscall(NR_file_setattr, sec, "", NULL, 0, AT_EMPTY_PATH),
	    ECAPMODE);
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
