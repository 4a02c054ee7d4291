/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_capmode.c - cap_enter, cap_getmode, cap_sandboxed, strict mode,
 * cap_mode_status and its text, FreeBSD's error messages
 *
 * Every test body that enters capability mode runs in run_isolated().
 */
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include <sys/capsicum.h>
#include <cap_mode.h>

#include "check.h"
#include "fdutil.h"
#include "isolate.h"

static int
not_in_capmode_before(void *arg)
{
	unsigned int mode = 7;

	(void)arg;
	ICHECK(cap_getmode(&mode) == 0);
	ICHECK(mode == 0);
	ICHECK(!cap_sandboxed());
	ICHECK_ERR(cap_getmode(NULL), EFAULT);
	return (0);
}

static void
getmode_outside(void **state)
{
	(void)state;
	assert_isolated(not_in_capmode_before, NULL);
}

static int
enter_and_check(void *arg)
{
	unsigned int mode = 0;

	(void)arg;
	errno = 4321;
	ICHECK(cap_enter() == 0);
	ICHECK(errno == 4321);		/* errno untouched on success */
	ICHECK(cap_getmode(&mode) == 0);
	ICHECK(mode == 1);
	ICHECK(cap_sandboxed());
	/* Entering again is a no-op, as on FreeBSD. */
	ICHECK(cap_enter() == 0);
	ICHECK(cap_getmode(&mode) == 0 && mode == 1);
	/* Global namespaces are gone, through libc and raw. */
	ICHECK_ERR(open("/etc/passwd", O_RDONLY), ECAPMODE);
	ICHECK_ERR(syscall(SYS_openat, AT_FDCWD, ".", O_RDONLY), ECAPMODE);
	ICHECK_ERR(socket(AF_INET, SOCK_STREAM, 0), ECAPMODE);
	ICHECK_ERR(chdir("/"), ECAPMODE);
	/* The process keeps no_new_privs, so nothing can widen it. */
	ICHECK(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1);
	return (0);
}

static void
enter_basic(void **state)
{
	(void)state;
	assert_isolated(enter_and_check, NULL);
}

static int
child_inherits(void *arg)
{
	unsigned int mode = 0;
	pid_t pid;
	int st;

	(void)arg;
	ICHECK(cap_enter() == 0);
	pid = fork();
	ICHECK(pid >= 0);
	if (pid == 0) {
		int bad = 0;

		if (cap_getmode(&mode) != 0 || mode != 1)
			bad |= 1;
		if (open("/etc/passwd", O_RDONLY) != -1 || errno != ECAPMODE)
			bad |= 2;
		if (syscall(SYS_openat, AT_FDCWD, "/", O_RDONLY) != -1 ||
		    errno != ECAPMODE)
			bad |= 4;
		_exit(bad);
	}
	ICHECK(waitpid(pid, &st, 0) == pid);
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
		fprintf(stderr, "child status 0x%x\n", st);
	ICHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return (0);
}

static void
children_inherit(void **state)
{
	(void)state;
	assert_isolated(child_inherits, NULL);
}

static volatile sig_atomic_t got_usr1;

static void
on_usr1(int sig)
{
	(void)sig;
	got_usr1 = 1;
}

/* Signals to oneself stay allowed, in the process and in its children. */
static int
signal_self(void *arg)
{
	pid_t pid;
	int st;

	(void)arg;
	ICHECK(signal(SIGUSR1, on_usr1) != SIG_ERR);
	ICHECK(cap_enter() == 0);
	ICHECK(kill(getpid(), SIGUSR1) == 0);
	ICHECK(got_usr1 == 1);
	got_usr1 = 0;
	ICHECK(raise(SIGUSR1) == 0);
	ICHECK(got_usr1 == 1);
	pid = fork();
	ICHECK(pid >= 0);
	if (pid == 0) {
		got_usr1 = 0;
		if (kill(getpid(), SIGUSR1) != 0) {
			fprintf(stderr, "child: kill(getpid()): errno %s\n",
			    errno_name(errno));
			_exit(1);
		}
		if (raise(SIGUSR1) != 0) {
			fprintf(stderr, "child: raise: errno %s\n",
			    errno_name(errno));
			_exit(2);
		}
		_exit(got_usr1 == 1 ? 0 : 3);
	}
	ICHECK(waitpid(pid, &st, 0) == pid);
	ICHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return (0);
}

static void
signals_to_self(void **state)
{
	(void)state;
	assert_isolated(signal_self, NULL);
}

/* ---- cap_mode_status ---- */

static uint32_t
expected_landlock_bits(int abi)
{
	uint32_t g = 0;

	if (abi >= 1)
		g |= CAP_MODE_G_LANDLOCK_FS;
	if (abi >= 2)
		g |= CAP_MODE_G_LANDLOCK_REFER;
	if (abi >= 3)
		g |= CAP_MODE_G_LANDLOCK_TRUNCATE;
	if (abi >= 4)
		g |= CAP_MODE_G_LANDLOCK_NET;
	if (abi >= 5)
		g |= CAP_MODE_G_LANDLOCK_IOCTL;
	if (abi >= 6)
		g |= CAP_MODE_G_LANDLOCK_SCOPE;
	return (g);
}

static int
status_before_after(void *arg)
{
	struct cap_mode_status st;
	uint32_t ll;
	int abi = landlock_abi(), p[2];

	(void)arg;
	ICHECK_ERR(cap_mode_status(NULL), EFAULT);
	ICHECK(cap_mode_status(&st) == 0);
	ICHECK(st.cms_version == CAP_MODE_STATUS_VERSION);
	ICHECK(st.cms_capmode == 0);
	ICHECK(st.cms_enforced == 0);
	ICHECK(st.cms_landlock_abi == abi);
	ICHECK((st.cms_available & CAP_MODE_G_SECCOMP) != 0);
	ll = expected_landlock_bits(abi);
	ICHECK((st.cms_available & ll) == ll);
	ICHECK((st.cms_available & ~CAP_MODE_G_ALL) == 0);
	ICHECK(st.cms_limited_fds == 0);

	/* Limited descriptors are counted. */
	ICHECK(make_pipe(p) == 0);
	ICHECK(cap_rights_limit(p[0], cap_rights_init(&(cap_rights_t){ { 0 } },
	    CAP_READ)) == 0);
	ICHECK(cap_rights_limit(p[1], cap_rights_init(&(cap_rights_t){ { 0 } },
	    CAP_WRITE)) == 0);
	ICHECK(cap_mode_status(&st) == 0);
	ICHECK(st.cms_limited_fds == 2);

	ICHECK(cap_enter() == 0);
	ICHECK(cap_mode_status(&st) == 0);
	ICHECK(st.cms_capmode == 1);
	ICHECK((st.cms_enforced & CAP_MODE_G_SECCOMP) != 0);
	ICHECK((st.cms_enforced & CAP_MODE_G_ALL_THREADS) != 0);
	ICHECK((st.cms_enforced & ll) == ll);
	ICHECK((st.cms_enforced & ~st.cms_available) == 0);
	ICHECK(st.cms_threads >= 1);
	ICHECK(close(p[0]) == 0);
	ICHECK(cap_mode_status(&st) == 0);
	ICHECK(st.cms_limited_fds == 1);
	return (0);
}

static void
status_fields(void **state)
{
	(void)state;
	assert_isolated(status_before_after, NULL);
}

static void
guarantee_names(void **state)
{
	const char *names[32] = { 0 };
	int n = 0;

	(void)state;
	for (uint32_t bit = 1; bit != 0; bit <<= 1) {
		const char *s = cap_mode_guarantee_name(bit);

		if ((bit & CAP_MODE_G_ALL) == 0) {
			assert_null(s);
			continue;
		}
		assert_non_null(s);
		assert_true(strlen(s) > 0);
		for (int i = 0; i < n; i++)
			assert_string_not_equal(names[i], s);
		names[n++] = s;
	}
	assert_int_equal(n, __builtin_popcount(CAP_MODE_G_ALL));
	assert_null(cap_mode_guarantee_name(0));
	assert_null(cap_mode_guarantee_name(CAP_MODE_G_SECCOMP |
	    CAP_MODE_G_BENEATH));
	assert_string_equal(cap_mode_guarantee_name(CAP_MODE_G_SECCOMP),
	    "seccomp");
}

/* Each guarantee is on its own line, with its state. */
static int
format_lines(const char *text, bool entered)
{
	for (uint32_t bit = 1; bit & CAP_MODE_G_ALL; bit <<= 1) {
		const char *name = cap_mode_guarantee_name(bit), *line;
		struct cap_mode_status st;
		bool have;

		ICHECK(name != NULL);
		line = strstr(text, name);
		ICHECK(line != NULL);
		ICHECK(cap_mode_status(&st) == 0);
		have = entered ? (st.cms_enforced & bit) != 0 :
		    (st.cms_available & bit) != 0;
		line += strlen(name);
		while (*line == ' ')
			line++;
		if (have)
			ICHECK(strncmp(line, entered ? "enforced" : "available",
			    entered ? 8 : 9) == 0);
		else
			ICHECK(strncmp(line, "missing", 7) == 0);
	}
	return (0);
}

static int
status_format_text(void *arg)
{
	char big[8192], small[16];
	int n;

	(void)arg;
	n = cap_mode_status_format(NULL, 0);
	ICHECK(n > 0 && (size_t)n < sizeof(big));
	ICHECK(cap_mode_status_format(big, sizeof(big)) == n);
	ICHECK(strlen(big) == (size_t)n);
	ICHECK(format_lines(big, false) == 0);
	/* snprintf semantics: truncated, terminated, same length. */
	memset(small, 'x', sizeof(small));
	ICHECK(cap_mode_status_format(small, sizeof(small)) == n);
	ICHECK(small[sizeof(small) - 1] == '\0');
	ICHECK(strncmp(small, big, sizeof(small) - 1) == 0);
	ICHECK_ERR(cap_mode_status_format(NULL, 10), EFAULT);

	ICHECK(cap_enter() == 0);
	n = cap_mode_status_format(big, sizeof(big));
	ICHECK(n > 0 && strlen(big) == (size_t)n);
	ICHECK(format_lines(big, true) == 0);
	return (0);
}

static void
status_format(void **state)
{
	(void)state;
	assert_isolated(status_format_text, NULL);
}

/* ---- strict mode ---- */

static int
strict_all_or_nothing(void *arg)
{
	struct cap_mode_status st;
	unsigned int mode = 0;
	int fd;

	(void)arg;
	ICHECK(cap_mode_status(&st) == 0);
	ICHECK_ERR(cap_mode_set_strict(0x80000000u), EINVAL);
	/* Ask for everything: only possible if everything is available. */
	ICHECK(cap_mode_set_strict(CAP_MODE_G_ALL) == 0);
	ICHECK(cap_mode_status(&st) == 0 && st.cms_strict == 1);
	if ((st.cms_available & CAP_MODE_G_ALL) != CAP_MODE_G_ALL) {
		ICHECK_ERR(cap_enter(), ENOTSUP);
		/* A refused cap_enter entered nothing. */
		ICHECK(cap_getmode(&mode) == 0 && mode == 0);
		fd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		ICHECK(fd >= 0);
		ICHECK(close(fd) == 0);
		ICHECK(syscall(SYS_getpid) > 0);
	}
	/* Ask for what this kernel has: cap_enter succeeds. */
	ICHECK(cap_mode_set_strict(st.cms_available) == 0);
	ICHECK(cap_enter() == 0);
	ICHECK(cap_mode_status(&st) == 0);
	ICHECK((st.cms_enforced & st.cms_available) == st.cms_available);
	return (0);
}

static void
strict_mode(void **state)
{
	(void)state;
	assert_isolated(strict_all_or_nothing, NULL);
}

static int
strict_from_environment(void *arg)
{
	struct cap_mode_status st;
	uint32_t want = CAP_MODE_G_ALL & ~CAP_MODE_G_BPF_RIGHTS;
	unsigned int mode = 0;

	(void)arg;
	ICHECK(setenv("CAPMODE_STRICT", "1", 1) == 0);
	ICHECK(cap_mode_status(&st) == 0);
	ICHECK(st.cms_strict == 1);
	if ((st.cms_available & want) != want) {
		ICHECK_ERR(cap_enter(), ENOTSUP);
		ICHECK(cap_getmode(&mode) == 0 && mode == 0);
		return (0);
	}
	ICHECK(cap_enter() == 0);
	ICHECK(cap_mode_status(&st) == 0);
	ICHECK((st.cms_enforced & want) == want);
	return (0);
}

static void
strict_env(void **state)
{
	(void)state;
	assert_isolated(strict_from_environment, NULL);
}

/* ---- messages ---- */

static int
messages(void *arg)
{
	char buf[128], got[256];
	int p[2], saved;
	ssize_t n;

	(void)arg;
	ICHECK(strcmp(strerror(ECAPMODE), "Not permitted in capability mode") ==
	    0);
	ICHECK(strcmp(strerror(ENOTCAPABLE), "Capabilities insufficient") == 0);
	ICHECK(strcmp(cap_mode_strerror(ECAPMODE),
	    "Not permitted in capability mode") == 0);
	ICHECK(strcmp(cap_mode_strerror(ENOTCAPABLE),
	    "Capabilities insufficient") == 0);
	ICHECK(strcmp(cap_mode_strerror(ENOENT), strerror(ENOENT)) == 0);
	ICHECK(strerror_r(ENOTCAPABLE, buf, sizeof(buf)) != NULL);
	ICHECK(strcmp(strerror_r(ENOTCAPABLE, buf, sizeof(buf)),
	    "Capabilities insufficient") == 0);

	/* In capability mode too, and through perror(3). */
	ICHECK(pipe(p) == 0);
	ICHECK(cap_enter() == 0);
	ICHECK(strcmp(strerror(ECAPMODE), "Not permitted in capability mode") ==
	    0);
	saved = dup(STDERR_FILENO);
	ICHECK(saved >= 0);
	ICHECK(dup2(p[1], STDERR_FILENO) == STDERR_FILENO);
	errno = ECAPMODE;
	perror("x");
	errno = ENOTCAPABLE;
	perror("y");
	fflush(stderr);
	ICHECK(dup2(saved, STDERR_FILENO) == STDERR_FILENO);
	ICHECK(close(p[1]) == 0);
	n = read(p[0], got, sizeof(got) - 1);
	ICHECK(n > 0);
	got[n] = '\0';
	ICHECK(strcmp(got, "x: Not permitted in capability mode\n"
	    "y: Capabilities insufficient\n") == 0);
	return (0);
}

static void
error_messages(void **state)
{
	(void)state;
	assert_isolated(messages, NULL);
}

/* CAPMODE_TRACE_FD: one line once capability mode is in force. */
static int
trace_fd(void *arg)
{
	char env[16], line[256];
	int p[2];
	ssize_t n;

	(void)arg;
	ICHECK(pipe(p) == 0);
	snprintf(env, sizeof(env), "%d", p[1]);
	ICHECK(setenv("CAPMODE_TRACE_FD", env, 1) == 0);
	ICHECK(cap_enter() == 0);
	ICHECK(close(p[1]) == 0);
	n = read(p[0], line, sizeof(line) - 1);
	ICHECK(n > 0);
	line[n] = '\0';
	ICHECK(strncmp(line, "capmode: entered", 16) == 0);
	ICHECK(line[n - 1] == '\n');
	ICHECK(strstr(line, "seccomp") != NULL);
	/* Exactly one line, even if cap_enter is called again. */
	ICHECK(strchr(line, '\n') == line + n - 1);
	return (0);
}

static void
trace_hook(void **state)
{
	(void)state;
	assert_isolated(trace_fd, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(getmode_outside),
		cmocka_unit_test(enter_basic),
		cmocka_unit_test(children_inherit),
		cmocka_unit_test(signals_to_self),
		cmocka_unit_test(status_fields),
		cmocka_unit_test(guarantee_names),
		cmocka_unit_test(status_format),
		cmocka_unit_test(strict_mode),
		cmocka_unit_test(strict_env),
		cmocka_unit_test(error_messages),
		cmocka_unit_test(trace_hook),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
