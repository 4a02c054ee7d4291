/* E47: leaving capability mode by exec: fexecve a program (a file
 * descriptor held at cap_enter, or a memfd copy) and see whether the new
 * image is free. Refused by: seccomp and Landlock (inherited across
 * execve, with no_new_privs). Expect: fexecve works (as on FreeBSD, for a
 * descriptor with CAP_FEXECVE) and the helper reports ECAPMODE and
 * EACCES. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "esc.h"

struct ctx {
	struct tree	t;
	int		helper;		/* the static helper, opened before */
};

/* fexecve(fd) in a child with the held dirfd as argument; its status. */
static int
run_helper(int fd, int held)
{
	char arg[16];
	char *argv[] = { "helper_confined", arg, NULL }, *envp[] = { NULL };
	pid_t pid;
	int st;

	snprintf(arg, sizeof(arg), "%d", held);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		fexecve(fd, argv, envp);
		printf("#   fexecve failed: %s\n", errno_name(errno));
		fflush(NULL);
		_exit(3);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return (3);
	return (WEXITSTATUS(st));
}

static void
judge_helper(const char *what, int st)
{
	if (st == 0)
		esc_note("confined after exec: %s", what);
	else if (st == 3)
		esc_control(what, -1, errno);
	else
		esc_refused(what, st == 1 ? 0 : -1, 0, 1);
}

static int
attack(void *arg)
{
	struct ctx *c = arg;
	int held = esc_open_held(&c->t), mfd;
	struct stat st;
	off_t off = 0;

	/* The held directory must not be close-on-exec for the helper. */
	fcntl(held, F_SETFD, 0);
	esc_enter();
	judge_helper("fexecve(helper)", run_helper(c->helper, held));
	/* A copy beneath the held directory, opened there. */
	{
		int in = openat(held, "helper", O_RDONLY | O_CLOEXEC);

		CONTROL(in);
		judge_helper("fexecve(helper beneath the held directory)",
		    run_helper(in, held));
	}
	/* A memfd copy: no path at all. */
	mfd = memfd_create("helper", MFD_CLOEXEC);
	CONTROL(mfd);
	CONTROL(fstat(c->helper, &st));
	CONTROL(sendfile(mfd, c->helper, &off, (size_t)st.st_size));
	judge_helper("fexecve(memfd copy of helper)",
	    run_helper(mfd, held));
	return (esc_status());
}

int
main(void)
{
	struct ctx c;
	char path[PATH_MAX];
	const char *dir = esc_exe_dir();

	if (dir == NULL)
		esc_skip("cannot find the program's directory");
	snprintf(path, sizeof(path), "%s/helper_confined", dir);
	c.helper = open(path, O_RDONLY | O_CLOEXEC);
	if (c.helper < 0)
		esc_skip("helper_confined not built");
	if (landlock_abi() < 1)
		esc_skip("no Landlock: the helper's \"..\" check needs it");
	esc_tree(&c.t);
	/* A copy of the helper beneath the held directory. */
	{
		int held = esc_open_held(&c.t), out;
		struct stat st;
		off_t off = 0;

		out = openat(held, "helper", O_WRONLY | O_CREAT | O_CLOEXEC,
		    0755);
		CONTROL(out);
		CONTROL(fstat(c.helper, &st));
		CONTROL(sendfile(out, c.helper, &off, (size_t)st.st_size));
		close(out);
		close(held);
	}
	/* Control: outside capability mode the helper is not confined
	 * (its "ESCAPE" lines here are expected). */
	esc_note("control: the helper outside capability mode");
	{
		int held = esc_open_held(&c.t), st;

		fcntl(held, F_SETFD, 0);
		st = run_helper(c.helper, held);
		CONTROL(st == 1 ? 0 : -1);
		close(held);
	}
	return (esc_finish(esc_run(attack, &c, &c.t)));
}
