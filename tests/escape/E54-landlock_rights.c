/* E54: raw system calls beneath a held directory whose rights were
 * limited before cap_enter (CAP_LOOKUP, CAP_READ, CAP_FSTAT, CAP_SEEK):
 * the library refuses writes (ENOTCAPABLE), and the raw calls must be
 * refused too, because the Landlock rule of that directory grants only the
 * access its rights allow. Refused by: Landlock (access derived from the
 * dirfd's rights); attributes by seccomp (no paths) and the library.
 * Expect: EACCES or ECAPMODE raw, ENOTCAPABLE through the library. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	struct tree *t = arg;
	int held = esc_open_held(t);
	cap_rights_t r;
	long fd;

	cap_rights_init(&r, CAP_LOOKUP, CAP_READ, CAP_FSTAT, CAP_SEEK);
	CONTROL(cap_rights_limit(held, &r));
	esc_enter();
	REFUSED(openat(held, "inside", O_RDWR), ENOTCAPABLE);
	REFUSED(openat(held, "new", O_WRONLY | O_CREAT, 0600), ENOTCAPABLE);
	REFUSED(unlinkat(held, "inside", 0), ENOTCAPABLE);
	REFUSED(syscall(SYS_openat, held, "inside", O_RDWR), EACCES);
	REFUSED(syscall(SYS_openat, held, "inside", O_WRONLY | O_APPEND),
	    EACCES);
	REFUSED(syscall(SYS_openat, held, "sub/deep", O_WRONLY | O_TRUNC),
	    EACCES);
	REFUSED(syscall(SYS_openat, held, "new", O_WRONLY | O_CREAT, 0600),
	    EACCES);
	REFUSED(syscall(SYS_unlinkat, held, "inside", 0), EACCES);
	REFUSED(syscall(SYS_mkdirat, held, "newdir", 0700), EACCES);
	REFUSED(syscall(SYS_symlinkat, "inside", held, "newlink"), EACCES);
	REFUSED(syscall(SYS_renameat, held, "inside", held, "moved"), EACCES);
	REFUSED(syscall(SYS_mknodat, held, "fifo", S_IFIFO | 0600, 0), EACCES);
	REFUSED(syscall(SYS_truncate, "inside", 0), ECAPMODE);
	/* Attributes: Landlock does not mediate them.  The library refuses
	 * them by the directory's rights; raw calls cannot name a path (the
	 * filter), nor open a descriptor Landlock does not check (O_PATH,
	 * access mode 3).  fchmod on a descriptor opened for reading is the
	 * documented gap without the eBPF layer (README). */
	REFUSED(fchmodat(held, "inside", 0777, 0), ENOTCAPABLE);
	REFUSED(fchownat(held, "inside", (uid_t)-1, (gid_t)-1, 0), ENOTCAPABLE);
	REFUSED(utimensat(held, "inside", NULL, 0), ENOTCAPABLE);
	REFUSED(syscall(SYS_fchmodat, held, "inside", 0777), ECAPMODE);
	REFUSED(syscall(SYS_utimensat, held, "inside", NULL, 0), ECAPMODE);
	REFUSED(syscall(SYS_openat, held, "inside", O_PATH), ECAPMODE);
	REFUSED(syscall(SYS_openat, held, "inside", O_ACCMODE), ECAPMODE);
	/* Reading what the rights allow still works, raw and through us. */
	fd = syscall(SYS_openat, held, "sub/deep", O_RDONLY);
	CONTROL(fd);
	CONTROL(openat(held, "inside", O_RDONLY));
	return (esc_status());
}

int
main(void)
{
	struct tree t;
	struct stat st;
	char p[PATH_MAX + 16];
	int status;

	if (landlock_abi() < 1)
		esc_skip("no Landlock: raw calls beneath a limited dirfd are "
		    "not confined on this kernel");
	esc_tree(&t);
	status = esc_run(attack, &t, NULL);
	snprintf(p, sizeof(p), "%s/inside", t.held);
	if (stat(p, &st) != 0 || st.st_size != 7 ||
	    (st.st_mode & 07777) != 0666) {
		printf("#   ESCAPE: inside was changed or removed\n");
		status = ESC_ESCAPED;
	}
	tree_remove(&t);
	return (esc_finish(status));
}
