/* E34: changing mode, owner or times of a file outside the held directory
 * through "..": Landlock does not mediate attribute changes, so the raw
 * fchmodat, fchownat, fchmodat2 and utimensat may only name the descriptor
 * itself (the library's sealed "" or a NULL path). Refused by: seccomp
 * (path argument). Expect: ECAPMODE for raw calls, ENOTCAPABLE through
 * the library, and the secret's mode unchanged. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "esc.h"

#ifndef SYS_fchmodat2
#define SYS_fchmodat2	452
#endif

static int
attack(void *arg)
{
	struct tree *t = arg;
	struct timespec ts[2] = { { 0, 0 }, { 0, 0 } };
	int held = esc_open_held(t), fd;
	struct stat st;

	esc_enter();
	REFUSED(syscall(SYS_fchmodat, held, "../secret", 0777), ECAPMODE);
	REFUSED(syscall(SYS_fchmodat2, held, "../secret", 0777, 0), ECAPMODE);
	REFUSED(syscall(SYS_fchownat, held, "../secret", -1, -1, 0),
	    ECAPMODE);
	REFUSED(syscall(SYS_utimensat, held, "../secret", ts, 0), ECAPMODE);
	/* Even beneath: the raw calls may not take a path at all. */
	REFUSED(syscall(SYS_fchmodat, held, "inside", 0600), ECAPMODE);
	REFUSED(syscall(SYS_fchmodat2, held, "", 0600, AT_EMPTY_PATH),
	    ECAPMODE);
	REFUSED(syscall(SYS_fchownat, held, "", -1, -1, AT_EMPTY_PATH),
	    ECAPMODE);
	/* The library's calls resolve beneath. */
	REFUSED(fchmodat(held, "../secret", 0777, 0), ENOTCAPABLE);
	REFUSED(fchownat(held, "../secret", (uid_t)-1, (gid_t)-1, 0),
	    ENOTCAPABLE);
	REFUSED(utimensat(held, "../secret", ts, 0), ENOTCAPABLE);
	REFUSED(fchmodat(held, "up", 0777, 0), ENOTCAPABLE);
	CONTROL(fchmodat(held, "inside", 0600, 0));
	CONTROL(fstatat(held, "inside", &st, 0));
	CONTROL((st.st_mode & 07777) == 0600 ? 0 : -1);
	CONTROL(utimensat(held, "inside", NULL, 0));
	/* On the descriptor itself: utimensat(fd, NULL), fchmod. */
	fd = openat(held, "inside", O_RDWR);
	CONTROL(fd);
	CONTROL(syscall(SYS_utimensat, fd, NULL, NULL, 0));
	CONTROL(fchmod(fd, 0640));
	return (esc_status());
}

int
main(void)
{
	struct tree t;
	struct stat st;
	char p[PATH_MAX + 16];
	int st_child;

	esc_tree(&t);
	snprintf(p, sizeof(p), "%s/secret", t.base);
	st_child = esc_run(attack, &t, NULL);
	if (stat(p, &st) == 0 && ((st.st_mode & 07777) != 0666 ||
	    st.st_mtime == 0)) {
		printf("#   ESCAPE: the secret's attributes changed\n");
		st_child = ESC_ESCAPED;
	}
	tree_remove(&t);
	return (esc_finish(st_child));
}
