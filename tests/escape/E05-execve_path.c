/* E05: executing a program by path (execve, execveat with AT_FDCWD or a
 * path beneath a dirfd). Refused by: seccomp (only
 * execveat(fd, "", AT_EMPTY_PATH), i.e. fexecve, is allowed).
 * Expect: ECAPMODE. */
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	char *argv[] = { "true", NULL }, *envp[] = { NULL };
	int bindir = *(int *)arg;

	esc_enter();
	REFUSED(execve("/bin/true", argv, envp), ECAPMODE);
	REFUSED(execv("/bin/true", argv), ECAPMODE);
	REFUSED(execvp("true", argv), ECAPMODE);
	REFUSED(syscall(SYS_execve, "/bin/true", argv, envp), ECAPMODE);
	/* In a child each, so an exec that goes through is seen. */
	REFUSED(esc_exec_probe(AT_FDCWD, "/bin/true", 0), ECAPMODE);
	/* A name beneath a held directory is still a path: only
	 * execveat(fd, "", AT_EMPTY_PATH) (fexecve) is allowed. */
	REFUSED(esc_exec_probe(bindir, "true", 0), ECAPMODE);
	REFUSED(esc_exec_probe(bindir, "true", AT_SYMLINK_NOFOLLOW),
	    ECAPMODE);
	REFUSED(esc_exec_probe(bindir, "/bin/true", 0), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	int bindir = open("/bin", O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	CONTROL(bindir);
	CONTROL(access("/bin/true", X_OK));
	return (esc_finish(esc_run(attack, &bindir, NULL)));
}
