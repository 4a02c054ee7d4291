/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_procdesc.c - pdfork, pdkill, pdgetpid, pdwait4, kill on last close,
 * PD_DAEMON, poll, rights, and pdfork inside capability mode
 *
 * Every body runs in run_isolated(), so no child outlives its test and
 * the children of one test never meet another's.  Where a test needs to
 * watch a child that the library may kill, it opens a second pidfd with
 * the raw pidfd_open syscall: the library does not know that one, so it
 * neither counts as a descriptor for the child nor is killed with it.
 */
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include <sys/capsicum.h>
#include <sys/procdesc.h>
#include <cap_mode.h>

#include "check.h"
#include "fdutil.h"
#include "isolate.h"

#define NR_pidfd_open	434

/* A pidfd the library does not track. */
static int
raw_pidfd(pid_t pid)
{
	return ((int)syscall(NR_pidfd_open, pid, 0));
}

/* Block until p[0] gives EOF or a byte, then exit with status st. */
static void __attribute__((noreturn))
child_wait_pipe(int p[2], int st)
{
	char c;

	(void)close(p[1]);
	while (read(p[0], &c, 1) < 0 && errno == EINTR)
		;
	_exit(st);
}

/* Wait up to ms for fd to become readable: 1 yes, 0 no, -1 error. */
static int
readable_within(int fd, int ms)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	int n;

	do
		n = poll(&pfd, 1, ms);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return (-1);
	return (n > 0 && (pfd.revents & POLLIN) != 0);
}

static int
exit_status_body(void *arg)
{
	pid_t pid;
	int fd = -1, st = 0;

	(void)arg;
	ICHECK_OK(pid = pdfork(&fd, 0));
	if (pid == 0)
		_exit(42);
	ICHECK(fd >= 0);
	ICHECK(pdwait4(fd, &st, 0, NULL) == pid);
	ICHECK(WIFEXITED(st) && WEXITSTATUS(st) == 42);
	/* Reaped: nothing left to wait for. */
	ICHECK_ERR(pdwait4(fd, &st, 0, NULL), ECHILD);
	ICHECK_OK(close(fd));
	return (0);
}

static void
exit_status(void **state)
{
	(void)state;
	assert_isolated(exit_status_body, NULL);
}

static int
signal_status_body(void *arg)
{
	struct rusage ru;
	pid_t pid;
	int fd = -1, st = 0;

	(void)arg;
	ICHECK_OK(pid = pdfork(&fd, 0));
	if (pid == 0) {
		for (;;)
			pause();
	}
	ICHECK_OK(pdkill(fd, SIGTERM));
	memset(&ru, 0xff, sizeof(ru));
	ICHECK(pdwait4(fd, &st, 0, &ru) == pid);
	ICHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
	ICHECK(ru.ru_utime.tv_sec >= 0 && ru.ru_utime.tv_sec < 100);
	/* Signalling a reaped child. */
	ICHECK_ERR(pdkill(fd, SIGTERM), ESRCH);
	ICHECK_OK(close(fd));
	return (0);
}

static void
signal_status(void **state)
{
	(void)state;
	assert_isolated(signal_status_body, NULL);
}

static int
stop_continue_body(void *arg)
{
	pid_t pid;
	int fd = -1, st = 0;

	(void)arg;
	ICHECK_OK(pid = pdfork(&fd, 0));
	if (pid == 0) {
		for (;;)
			pause();
	}
	ICHECK_OK(pdkill(fd, SIGSTOP));
	ICHECK(pdwait4(fd, &st, WUNTRACED, NULL) == pid);
	ICHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP);
	ICHECK_OK(pdkill(fd, SIGCONT));
	ICHECK(pdwait4(fd, &st, WCONTINUED, NULL) == pid);
	ICHECK(WIFCONTINUED(st));
	ICHECK_OK(pdkill(fd, SIGKILL));
	ICHECK(pdwait4(fd, &st, 0, NULL) == pid);
	ICHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	return (0);
}

static void
stop_continue(void **state)
{
	(void)state;
	assert_isolated(stop_continue_body, NULL);
}

static int
getpid_body(void *arg)
{
	pid_t pid, got = 0;
	int fd = -1, dupfd, rawfd, p[2];

	(void)arg;
	ICHECK_OK(make_pipe(p));
	ICHECK_OK(pid = pdfork(&fd, 0));
	if (pid == 0)
		child_wait_pipe(p, 0);
	ICHECK_OK(close(p[0]));
	ICHECK_OK(pdgetpid(fd, &got));
	ICHECK(got == pid);
	/* A duplicate carries the child with it. */
	ICHECK_OK(dupfd = dup(fd));
	got = 0;
	ICHECK_OK(pdgetpid(dupfd, &got));
	ICHECK(got == pid);
	/* A pidfd the table does not know: asked of the kernel. */
	ICHECK_OK(rawfd = raw_pidfd(pid));
	got = 0;
	ICHECK_OK(pdgetpid(rawfd, &got));
	ICHECK(got == pid);
	/* Not a process descriptor, not a descriptor at all. */
	ICHECK_ERR(pdgetpid(p[1], &got), EBADF);
	ICHECK_ERR(pdgetpid(-1, &got), EBADF);
	ICHECK_ERR(pdgetpid(fd, NULL), EFAULT);
	ICHECK_OK(close(p[1]));
	ICHECK(pdwait4(fd, NULL, 0, NULL) == pid);
	return (0);
}

static void
getpid_works(void **state)
{
	(void)state;
	assert_isolated(getpid_body, NULL);
}

static int
wnohang_body(void *arg)
{
	pid_t pid;
	int fd = -1, st = -1, p[2];

	(void)arg;
	ICHECK_OK(make_pipe(p));
	ICHECK_OK(pid = pdfork(&fd, 0));
	if (pid == 0)
		child_wait_pipe(p, 7);
	ICHECK_OK(close(p[0]));
	ICHECK(pdwait4(fd, &st, WNOHANG, NULL) == 0);
	ICHECK(st == -1);		/* untouched when nothing happened */
	ICHECK(readable_within(fd, 0) == 0);
	ICHECK_OK(close(p[1]));		/* the child sees EOF and exits */
	/* A process descriptor polls readable when the child exits. */
	ICHECK(readable_within(fd, 5000) == 1);
	ICHECK(pdwait4(fd, &st, WNOHANG, NULL) == pid);
	ICHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7);
	return (0);
}

static void
wnohang_and_poll(void **state)
{
	(void)state;
	assert_isolated(wnohang_body, NULL);
}

static volatile sig_atomic_t nsignals;

static void
count_signal(int sig)
{
	(void)sig;
	nsignals++;
}

static int
no_sigchld_body(void *arg)
{
	struct sigaction sa;
	pid_t pid;
	int fd = -1, st = 0;

	(void)arg;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = count_signal;
	ICHECK_OK(sigaction(SIGCHLD, &sa, NULL));
	ICHECK_OK(pid = pdfork(&fd, 0));
	if (pid == 0)
		_exit(3);
	ICHECK(readable_within(fd, 5000) == 1);
	/* wait(2) for "any child" does not see a pdfork child. */
	ICHECK_ERR(waitpid(-1, &st, WNOHANG), ECHILD);
	ICHECK(pdwait4(fd, &st, 0, NULL) == pid);
	ICHECK(WIFEXITED(st) && WEXITSTATUS(st) == 3);
	ICHECK(nsignals == 0);
	return (0);
}

static void
no_sigchld(void **state)
{
	(void)state;
	assert_isolated(no_sigchld_body, NULL);
}

static int
last_close_body(void *arg)
{
	pid_t pid;
	int fd = -1, dupfd, rawfd, st = 0;

	(void)arg;
	ICHECK_OK(pid = pdfork(&fd, 0));
	if (pid == 0) {
		for (;;)
			pause();
	}
	ICHECK_OK(rawfd = raw_pidfd(pid));
	ICHECK_OK(dupfd = dup(fd));
	/* Another descriptor for the child remains: it lives. */
	ICHECK_OK(close(fd));
	ICHECK(readable_within(rawfd, 200) == 0);
	/* The last one: it dies. */
	ICHECK_OK(close(dupfd));
	ICHECK(readable_within(rawfd, 5000) == 1);
	ICHECK(pdwait4(rawfd, &st, 0, NULL) == pid);
	ICHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	return (0);
}

static void
last_close_kills(void **state)
{
	(void)state;
	assert_isolated(last_close_body, NULL);
}

static int
dup2_over_body(void *arg)
{
	pid_t pid;
	int fd = -1, rawfd, p[2], st = 0;

	(void)arg;
	ICHECK_OK(make_pipe(p));
	ICHECK_OK(pid = pdfork(&fd, 0));
	if (pid == 0) {
		for (;;)
			pause();
	}
	ICHECK_OK(rawfd = raw_pidfd(pid));
	/* dup2 onto the process descriptor closes it: a last close. */
	ICHECK(dup2(p[0], fd) == fd);
	ICHECK(readable_within(rawfd, 5000) == 1);
	ICHECK(pdwait4(rawfd, &st, 0, NULL) == pid);
	ICHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL);
	return (0);
}

static void
dup2_over_kills(void **state)
{
	(void)state;
	assert_isolated(dup2_over_body, NULL);
}

static int
daemon_body(void *arg)
{
	pid_t pid;
	int fd = -1, rawfd, st = 0;

	(void)arg;
	ICHECK_OK(pid = pdfork(&fd, PD_DAEMON));
	if (pid == 0) {
		for (;;)
			pause();
	}
	ICHECK_OK(rawfd = raw_pidfd(pid));
	ICHECK_OK(close(fd));
	ICHECK(readable_within(rawfd, 300) == 0);
	ICHECK_OK(pdkill(rawfd, SIGTERM));
	ICHECK(pdwait4(rawfd, &st, 0, NULL) == pid);
	ICHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
	return (0);
}

static void
daemon_survives(void **state)
{
	(void)state;
	assert_isolated(daemon_body, NULL);
}

/*
 * A child's copy of its parent's process descriptor is not the parent's
 * last one: closing it in the child must not kill the sibling.
 */
static int
inherited_copy_body(void *arg)
{
	pid_t a, b;
	int fda = -1, fdb = -1, rawa, st = 0;

	(void)arg;
	ICHECK_OK(a = pdfork(&fda, 0));
	if (a == 0) {
		for (;;)
			pause();
	}
	ICHECK_OK(rawa = raw_pidfd(a));
	ICHECK_OK(b = pdfork(&fdb, 0));
	if (b == 0)
		_exit(close(fda) == 0 ? 0 : 1);
	ICHECK(pdwait4(fdb, &st, 0, NULL) == b);
	ICHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	ICHECK(readable_within(rawa, 200) == 0);
	ICHECK_OK(pdkill(fda, SIGKILL));
	ICHECK(pdwait4(fda, &st, 0, NULL) == a);
	return (0);
}

static void
inherited_copy(void **state)
{
	(void)state;
	assert_isolated(inherited_copy_body, NULL);
}

/* The parent's exit kills a non-daemon child (PR_SET_PDEATHSIG). */
static int
parent_exit_body(void *arg)
{
	pid_t mid, pid;
	int p[2], q[2], fd = -1, rawfd, st = 0;
	char c;

	(void)arg;
	ICHECK_OK(make_pipe(p));
	ICHECK_OK(make_pipe(q));
	ICHECK_OK(mid = fork());
	if (mid == 0) {
		(void)close(q[1]);
		pid = pdfork(&fd, 0);
		if (pid == 0) {
			for (;;)
				pause();
		}
		if (pid < 0 || write(p[1], &pid, sizeof(pid)) !=
		    (ssize_t)sizeof(pid))
			_exit(1);
		/* Stay until the test holds its own pidfd for the child. */
		while (read(q[0], &c, 1) < 0 && errno == EINTR)
			;
		_exit(0);
	}
	ICHECK_OK(close(p[1]));
	ICHECK_OK(close(q[0]));
	ICHECK(read(p[0], &pid, sizeof(pid)) == (ssize_t)sizeof(pid));
	ICHECK_OK(rawfd = raw_pidfd(pid));
	ICHECK(readable_within(rawfd, 200) == 0);
	ICHECK_OK(close(q[1]));
	ICHECK(waitpid(mid, &st, 0) == mid);
	ICHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	ICHECK(readable_within(rawfd, 5000) == 1);
	return (0);
}

static void
parent_exit_kills(void **state)
{
	(void)state;
	assert_isolated(parent_exit_body, NULL);
}

static int
flags_body(void *arg)
{
	pid_t pid;
	int fd = -1, fd2 = -1;

	(void)arg;
	ICHECK_ERR(pdfork(&fd, 0x100), EINVAL);
	ICHECK_ERR(pdfork(NULL, 0), EFAULT);
	ICHECK_OK(pid = pdfork(&fd, PD_CLOEXEC));
	if (pid == 0)
		_exit(0);
	ICHECK((fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
	ICHECK_OK(pid = pdfork(&fd2, 0));
	if (pid == 0)
		_exit(0);
	ICHECK((fcntl(fd2, F_GETFD) & FD_CLOEXEC) == 0);
	/* A bad signal is refused before the descriptor is looked at. */
	ICHECK_ERR(pdkill(fd2, 12345), EINVAL);
	ICHECK_ERR(pdkill(-1, -1), EINVAL);
	ICHECK_ERR(pdkill(-1, SIGTERM), EBADF);
	ICHECK_ERR(pdwait4(fd2, NULL, 0x1000, NULL), EINVAL);
	ICHECK(pdwait4(fd, NULL, 0, NULL) > 0);
	ICHECK(pdwait4(fd2, NULL, 0, NULL) == pid);
	return (0);
}

static void
flags_and_args(void **state)
{
	(void)state;
	assert_isolated(flags_body, NULL);
}

/* The child may use malloc and stdio (single-threaded parent). */
static int
child_libc_body(void *arg)
{
	char buf[128];
	pid_t pid;
	int fd = -1, p[2], o[2], st = 0;
	ssize_t n;

	(void)arg;
	ICHECK_OK(make_pipe(p));
	ICHECK_OK(make_pipe(o));
	ICHECK_OK(pid = pdfork(&fd, 0));
	if (pid == 0) {
		char *s = malloc(64);
		FILE *f;

		(void)close(p[0]);
		if (s == NULL || (f = fdopen(p[1], "w")) == NULL ||
		    dup2(o[1], STDOUT_FILENO) != STDOUT_FILENO)
			_exit(1);
		(void)snprintf(s, 64, "child %d", 17);
		if (fprintf(f, "%s says hi\n", s) < 0 || fclose(f) != 0)
			_exit(2);
		free(s);
		printf("stdout works\n");
		_exit(fflush(stdout) == 0 ? 0 : 3);
	}
	ICHECK_OK(close(p[1]));
	ICHECK_OK(close(o[1]));
	ICHECK((n = read(p[0], buf, sizeof(buf) - 1)) > 0);
	buf[n] = '\0';
	ICHECK(strcmp(buf, "child 17 says hi\n") == 0);
	ICHECK(pdwait4(fd, &st, 0, NULL) == pid);
	ICHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	ICHECK((n = read(o[0], buf, sizeof(buf) - 1)) > 0);
	buf[n] = '\0';
	ICHECK(strcmp(buf, "stdout works\n") == 0);
	return (0);
}

static void
child_uses_libc(void **state)
{
	(void)state;
	assert_isolated(child_libc_body, NULL);
}

/* raise() in the child signals the child, not the parent's thread. */
static int
child_raise_body(void *arg)
{
	struct sigaction sa;
	pid_t pid;
	int fd = -1, st = 0;

	(void)arg;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = count_signal;	/* counts any signal */
	ICHECK_OK(sigaction(SIGUSR1, &sa, NULL));
	ICHECK_OK(pid = pdfork(&fd, 0));
	if (pid == 0) {
		(void)signal(SIGUSR1, SIG_DFL);
		(void)raise(SIGUSR1);
		_exit(0);
	}
	ICHECK(pdwait4(fd, &st, 0, NULL) == pid);
	ICHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1);
	ICHECK(nsignals == 0);
	return (0);
}

static void
child_raise(void **state)
{
	(void)state;
	assert_isolated(child_raise_body, NULL);
}

static int
rights_body(void *arg)
{
	cap_rights_t r;
	pid_t pid, got = 0;
	int fd = -1, p[2], st = 0;

	(void)arg;
	ICHECK_OK(make_pipe(p));
	ICHECK_OK(pid = pdfork(&fd, 0));
	if (pid == 0)
		child_wait_pipe(p, 5);
	ICHECK_OK(close(p[0]));
	ICHECK_OK(cap_rights_limit(fd,
	    cap_rights_init(&r, CAP_PDWAIT, CAP_PDGETPID, CAP_EVENT)));
	ICHECK_ERR(pdkill(fd, SIGTERM), ENOTCAPABLE);
	ICHECK_OK(pdgetpid(fd, &got));
	ICHECK(got == pid);
	ICHECK_OK(cap_rights_limit(fd, cap_rights_init(&r, CAP_PDWAIT)));
	ICHECK_ERR(pdgetpid(fd, &got), ENOTCAPABLE);
	ICHECK_OK(close(p[1]));
	ICHECK(pdwait4(fd, &st, 0, NULL) == pid);
	ICHECK(WIFEXITED(st) && WEXITSTATUS(st) == 5);
	/* Rights only narrow. */
	ICHECK_ERR(cap_rights_limit(fd, cap_rights_init(&r, CAP_PDKILL)),
	    ENOTCAPABLE);
	ICHECK_OK(cap_rights_limit(fd, cap_rights_init(&r)));
	ICHECK_ERR(pdwait4(fd, &st, WNOHANG, NULL), ENOTCAPABLE);
	return (0);
}

static void
rights_enforced(void **state)
{
	(void)state;
	assert_isolated(rights_body, NULL);
}

static int
in_capmode_body(void *arg)
{
	char buf[64];
	pid_t pid, got = 0;
	int fd = -1, fd2 = -1, p[2], st = 0;
	ssize_t n;

	(void)arg;
	ICHECK_OK(make_pipe(p));
	ICHECK_OK(cap_enter());
	ICHECK_OK(pid = pdfork(&fd, 0));
	if (pid == 0) {
		char *s = malloc(32);

		(void)close(p[0]);
		if (s == NULL)
			_exit(1);
		n = snprintf(s, 32, "pid %d\n", (int)getpid());
		_exit(write(p[1], s, (size_t)n) == n ? 9 : 2);
	}
	ICHECK_OK(close(p[1]));
	ICHECK((n = read(p[0], buf, sizeof(buf) - 1)) > 0);
	buf[n] = '\0';
	ICHECK(atoi(buf + 4) == pid);
	ICHECK_OK(pdgetpid(fd, &got));
	ICHECK(got == pid);
	ICHECK(pdwait4(fd, &st, 0, NULL) == pid);
	ICHECK(WIFEXITED(st) && WEXITSTATUS(st) == 9);
	/* pdkill and kill on last close inside capability mode. */
	ICHECK_OK(pid = pdfork(&fd2, 0));
	if (pid == 0) {
		for (;;)
			pause();
	}
	ICHECK_OK(pdkill(fd2, SIGUSR1));
	ICHECK(pdwait4(fd2, &st, 0, NULL) == pid);
	ICHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGUSR1);
	/* Other processes stay out of reach by pid. */
	ICHECK_ERR(kill(getppid(), 0), ECAPMODE);
	return (0);
}

static void
pdfork_in_capmode(void **state)
{
	(void)state;
	assert_isolated(in_capmode_body, NULL);
}

/*
 * A child forked before cap_enter, signalled after it: FreeBSD allows this
 * (the descriptor is the capability), and so do we (Landlock does not scope
 * signals in capability mode; see landlock.c).
 */
static int
pre_enter_child_body(void *arg)
{
	pid_t pid;
	int fd = -1, st = 0;

	(void)arg;
	ICHECK_OK(pid = pdfork(&fd, 0));
	if (pid == 0) {
		for (;;)
			pause();
	}
	ICHECK_OK(cap_enter());
	ICHECK_OK(pdkill(fd, SIGTERM));
	ICHECK(pdwait4(fd, &st, 0, NULL) == pid);
	ICHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
	return (0);
}

static void
pre_enter_child(void **state)
{
	(void)state;
	assert_isolated(pre_enter_child_body, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exit_status),
		cmocka_unit_test(signal_status),
		cmocka_unit_test(stop_continue),
		cmocka_unit_test(getpid_works),
		cmocka_unit_test(wnohang_and_poll),
		cmocka_unit_test(no_sigchld),
		cmocka_unit_test(last_close_kills),
		cmocka_unit_test(dup2_over_kills),
		cmocka_unit_test(daemon_survives),
		cmocka_unit_test(inherited_copy),
		cmocka_unit_test(parent_exit_kills),
		cmocka_unit_test(flags_and_args),
		cmocka_unit_test(child_uses_libc),
		cmocka_unit_test(child_raise),
		cmocka_unit_test(rights_enforced),
		cmocka_unit_test(pdfork_in_capmode),
		cmocka_unit_test(pre_enter_child),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
