/* E35: leaving a held directory with ".." through raw system calls that
 * the library never sees (openat, openat2 without RESOLVE flags, O_CREAT,
 * mkdirat, unlinkat, renameat, linkat). Refused by: Landlock (the domain
 * holds only the directories held at cap_enter). Expect: EACCES raw,
 * ENOTCAPABLE through the library. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

struct how {
	unsigned long long	flags, mode, resolve;
};

static int
attack(void *arg)
{
	struct tree *t = arg;
	struct how h = { O_RDONLY, 0, 0 };
	int held = esc_open_held(t);

	esc_enter();
	REFUSED(syscall(SYS_openat, held, "../secret", O_RDONLY), EACCES);
	REFUSED(syscall(SYS_openat, held, "sub/../../secret", O_RDONLY),
	    EACCES);
	REFUSED(syscall(SYS_openat, held, "..", O_RDONLY | O_DIRECTORY),
	    EACCES);
	REFUSED(syscall(SYS_openat, held, "../../../../etc/passwd", O_RDONLY),
	    EACCES);
	/* openat2 hides its flags from seccomp: refused whatever they are. */
	REFUSED(syscall(SYS_openat2, held, "../secret", &h, sizeof(h)),
	    ENOSYS);
	REFUSED(syscall(SYS_openat, held, "../new", O_WRONLY | O_CREAT, 0600),
	    EACCES);
	REFUSED(syscall(SYS_openat, held, "../secret", O_WRONLY | O_TRUNC),
	    EACCES);
	REFUSED(syscall(SYS_mkdirat, held, "../newdir", 0700), EACCES);
	REFUSED(syscall(SYS_unlinkat, held, "../secret", 0), EACCES);
	REFUSED(syscall(SYS_symlinkat, "x", held, "../newlink"), EACCES);
	REFUSED(syscall(SYS_renameat, held, "inside", held, "../moved"),
	    EACCES);
	REFUSED(syscall(SYS_linkat, held, "inside", held, "../hard", 0),
	    EACCES);
	REFUSED(syscall(SYS_mknodat, held, "../fifo", S_IFIFO | 0600, 0),
	    EACCES);
	/* The library answers as FreeBSD does. */
	REFUSED(openat(held, "../secret", O_RDONLY), ENOTCAPABLE);
	REFUSED(openat(held, "..", O_RDONLY), ENOTCAPABLE);
	REFUSED(mkdirat(held, "../newdir", 0700), ENOTCAPABLE);
	REFUSED(unlinkat(held, "../secret", 0), ENOTCAPABLE);
	/* Beneath, raw calls work: Landlock grants the held tree. */
	CONTROL(syscall(SYS_openat, held, "sub/deep", O_RDONLY));
	CONTROL(syscall(SYS_openat, held, "sub/../inside", O_RDONLY));
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
	if (landlock_abi() < 1)
		esc_skip("no Landlock: raw lookups through \"..\" are not "
		    "confined on this kernel");
	st_child = esc_run(attack, &t, NULL);
	snprintf(p, sizeof(p), "%s/secret", t.base);
	if (stat(p, &st) != 0 || st.st_size != 7) {
		printf("#   ESCAPE: the secret was removed or truncated\n");
		st_child = ESC_ESCAPED;
	}
	snprintf(p, sizeof(p), "%s/new", t.base);
	if (stat(p, &st) == 0) {
		printf("#   ESCAPE: a file was created outside\n");
		st_child = ESC_ESCAPED;
	}
	tree_remove(&t);
	return (esc_finish(st_child));
}
