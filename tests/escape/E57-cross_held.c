/* E57: moving authority between two held directories with different
 * rights: hard-linking or renaming a file of a read-only held directory
 * into a writable one, to write it there. Refused by: Landlock (refer:
 * a link may not gain access; removing from the read-only tree needs a
 * right it lacks). Expect: EXDEV or EACCES. A nested held directory
 * inside a writable one shares its access (one Landlock domain): that
 * documented gap is reported as a skip. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

struct ctx {
	struct tree	*t;
	bool		nested;		/* hold the base too (the gap) */
};

static int
attack(void *arg)
{
	struct ctx *c = arg;
	char other[PATH_MAX + 16];
	int ro = esc_open_held(c->t), rw;
	cap_rights_t r;
	long fd;

	snprintf(other, sizeof(other), "%s/other", c->t->base);
	rw = open(c->nested ? c->t->base : other,
	    O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	CONTROL(rw);
	cap_rights_init(&r, CAP_LOOKUP, CAP_READ, CAP_FSTAT, CAP_SEEK);
	CONTROL(cap_rights_limit(ro, &r));
	esc_enter();
	if (c->nested) {
		/* The writable base holds the read-only directory. */
		fd = syscall(SYS_openat, ro, "inside", O_WRONLY | O_APPEND);
		if (fd >= 0)
			esc_skip("known gap: a held directory nested in a "
			    "writable held directory gets its access (one "
			    "Landlock domain for all held directories)");
		REFUSED(fd, EACCES);
		return (esc_status());
	}
	REFUSED2(syscall(SYS_linkat, ro, "inside", rw, "stolen", 0), EXDEV,
	    EACCES);
	REFUSED2(syscall(SYS_renameat, ro, "inside", rw, "moved"), EXDEV,
	    EACCES);
	REFUSED2(syscall(SYS_renameat2, ro, "inside", rw, "x", 0), EXDEV,
	    EACCES);
	REFUSED(syscall(SYS_openat, rw, "stolen", O_RDWR), ENOENT);
	/* Through the writable side, to the read-only one by "..". */
	REFUSED(syscall(SYS_openat, rw, "../held/inside", O_WRONLY), EACCES);
	/* Within the writable directory, writes work. */
	CONTROL(syscall(SYS_openat, rw, "new", O_WRONLY | O_CREAT, 0600));
	return (esc_status());
}

static int
one(struct tree *t, bool nested)
{
	struct ctx c = { t, nested };
	char p[PATH_MAX + 16];

	snprintf(p, sizeof(p), "%s/other", t->base);
	if (mkdir(p, 0777) != 0 && errno != EEXIST)
		return (ESC_WRONG);
	(void)chmod(p, 0777);
	return (esc_run(attack, &c, NULL));
}

int
main(void)
{
	struct tree t;
	struct stat st;
	char p[PATH_MAX + 16];
	int a, b;

	if (landlock_abi() < 2)
		esc_skip("Landlock ABI < 2: no refer control on this kernel");
	esc_tree(&t);
	a = one(&t, false);
	b = one(&t, true);
	snprintf(p, sizeof(p), "%s/inside", t.held);
	if (stat(p, &st) != 0 || st.st_size != 7) {
		printf("#   ESCAPE: the read-only file was changed or moved\n");
		a = ESC_ESCAPED;
	}
	tree_remove(&t);
	if (a == ESC_OK && b == ESC_SKIPPED) {
		printf("# SKIP known gap (nested held directories): the "
		    "separate-directory attacks were all refused\n");
		return (esc_finish(ESC_SKIPPED));
	}
	return (esc_finish(a != ESC_OK ? a : b));
}
