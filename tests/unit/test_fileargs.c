/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_fileargs.c - fileargs_init/open/fopen/lstat/realpath/free and the
 * helper process behind them
 *
 * The scratch tree (tmpdir.h) is made once by the cmocka process; every
 * body runs in run_isolated(), and those that enter capability mode show
 * first that the plain call is refused there, so the helper is what opens.
 */
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include <sys/capsicum.h>
#include <casper/cap_fileargs.h>
#include <libcasper.h>

#include "check.h"
#include "fdutil.h"
#include "isolate.h"
#include "tmpdir.h"

static struct tree tree;
static char p_inside[PATH_MAX + 32], p_deep[PATH_MAX + 32];
static char p_in[PATH_MAX + 32], p_up[PATH_MAX + 32];
static char p_secret[PATH_MAX + 32], p_new[PATH_MAX + 32];
static char p_missing[PATH_MAX + 32];

static int
path(char *buf, const char *dir, const char *name)
{
	int n = snprintf(buf, PATH_MAX + 32, "%s/%s", dir, name);

	return (n < 0 || n >= PATH_MAX ? -1 : 0);
}

static int
group_setup(void **state)
{
	(void)state;
	if (tree_make(&tree) != 0)
		return (-1);
	if (path(p_inside, tree.held, "inside") != 0 ||
	    path(p_deep, tree.held, "sub/deep") != 0 ||
	    path(p_in, tree.held, "in") != 0 ||
	    path(p_up, tree.held, "up") != 0 ||
	    path(p_new, tree.held, "new") != 0 ||
	    path(p_missing, tree.held, "missing") != 0 ||
	    path(p_secret, tree.base, "secret") != 0)
		return (-1);
	return (0);
}

static int
group_teardown(void **state)
{
	(void)state;
	return (tree_remove(&tree));
}

/* The read-only fileargs most tests use: inside, sub/deep, in, up. */
static fileargs_t *
ro_fileargs(int operations)
{
	char *names[] = { p_inside, p_deep, p_in, p_up };
	cap_rights_t r;

	return (fileargs_init(4, names, O_RDONLY, 0,
	    cap_rights_init(&r, CAP_READ, CAP_FSTAT, CAP_SEEK), operations));
}

static int
open_body(void *arg)
{
	char buf[64], dotted[PATH_MAX + 40];
	cap_rights_t r;
	fileargs_t *fa;
	int fd;

	(void)arg;
	ICHECK((fa = ro_fileargs(FA_OPEN)) != NULL);
	ICHECK(snprintf(dotted, sizeof(dotted), "%s/./inside", tree.held) > 0);
	ICHECK_OK(cap_enter());
	/* Without the helper the name is out of reach. */
	ICHECK_ERR(open(p_inside, O_RDONLY | O_CLOEXEC), ECAPMODE);
	ICHECK_OK(fd = fileargs_open(fa, p_inside));
	ICHECK(read_text(fd, buf, sizeof(buf)) == 0);
	ICHECK(strcmp(buf, "inside\n") == 0);
	ICHECK((fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
	/* Limited to the rights given: reading, not writing. */
	ICHECK_OK(cap_rights_get(fd, &r));
	ICHECK(cap_rights_is_set(&r, CAP_READ, CAP_FSTAT, CAP_SEEK));
	ICHECK(!cap_rights_is_set(&r, CAP_WRITE));
	ICHECK_ERR(write(fd, "x", 1), ENOTCAPABLE);
	ICHECK_OK(close(fd));
	/* Allowed names can be opened again. */
	ICHECK_OK(fd = fileargs_open(fa, p_inside));
	ICHECK_OK(close(fd));
	/* Only the exact names given. */
	ICHECK_ERR(fileargs_open(fa, p_secret), ENOTCAPABLE);
	ICHECK_ERR(fileargs_open(fa, dotted), ENOTCAPABLE);
	ICHECK_ERR(fileargs_open(fa, "inside"), ENOTCAPABLE);
	ICHECK_ERR(fileargs_open(fa, ""), ENOTCAPABLE);
	/* Operations not granted. */
	ICHECK_ERR(fileargs_lstat(fa, p_inside, &(struct stat){ 0 }),
	    ENOTCAPABLE);
	ICHECK(fileargs_realpath(fa, p_inside, NULL) == NULL);
	ICHECK(errno == ENOTCAPABLE);
	/* The symlink that leaves the tree is followed: the name was given. */
	ICHECK_OK(fd = fileargs_open(fa, p_up));
	ICHECK(read_text(fd, buf, sizeof(buf)) == 0);
	ICHECK(strcmp(buf, "secret\n") == 0);
	ICHECK_OK(close(fd));
	fileargs_free(fa);
	return (0);
}

static void
open_in_capmode(void **state)
{
	(void)state;
	assert_isolated(open_body, NULL);
}

static int
fopen_body(void *arg)
{
	char line[64];
	fileargs_t *fa;
	FILE *f;

	(void)arg;
	ICHECK((fa = ro_fileargs(FA_OPEN)) != NULL);
	ICHECK_OK(cap_enter());
	ICHECK((f = fileargs_fopen(fa, p_deep, "r")) != NULL);
	ICHECK(fgets(line, sizeof(line), f) != NULL);
	ICHECK(strcmp(line, "deep\n") == 0);
	ICHECK(fclose(f) == 0);
	ICHECK(fileargs_fopen(fa, p_secret, "r") == NULL);
	ICHECK(errno == ENOTCAPABLE);
	ICHECK(fileargs_fopen(fa, p_deep, NULL) == NULL);
	ICHECK(errno == EINVAL);
	fileargs_free(fa);
	return (0);
}

static void
fopen_works(void **state)
{
	(void)state;
	assert_isolated(fopen_body, NULL);
}

static int
lstat_body(void *arg)
{
	struct stat st, want;
	fileargs_t *fa;

	(void)arg;
	ICHECK_OK(lstat(p_inside, &want));
	ICHECK((fa = ro_fileargs(FA_LSTAT)) != NULL);
	ICHECK_OK(cap_enter());
	ICHECK_ERR(lstat(p_inside, &st), ECAPMODE);
	ICHECK_OK(fileargs_lstat(fa, p_inside, &st));
	ICHECK(st.st_ino == want.st_ino && st.st_dev == want.st_dev);
	ICHECK(S_ISREG(st.st_mode) && st.st_size == 7);
	/* lstat: the link itself, not its target. */
	ICHECK_OK(fileargs_lstat(fa, p_up, &st));
	ICHECK(S_ISLNK(st.st_mode));
	ICHECK_ERR(fileargs_lstat(fa, p_secret, &st), ENOTCAPABLE);
	ICHECK_ERR(fileargs_lstat(fa, p_inside, NULL), EFAULT);
	ICHECK_ERR(fileargs_open(fa, p_inside), ENOTCAPABLE);
	fileargs_free(fa);
	return (0);
}

static void
lstat_works(void **state)
{
	(void)state;
	assert_isolated(lstat_body, NULL);
}

static int
realpath_body(void *arg)
{
	char want[PATH_MAX], buf[PATH_MAX];
	fileargs_t *fa;
	char *s;

	(void)arg;
	ICHECK(realpath(p_deep, want) != NULL);
	ICHECK((fa = ro_fileargs(FA_REALPATH)) != NULL);
	ICHECK_OK(cap_enter());
	/* "in" is a symlink to sub/deep. */
	ICHECK(fileargs_realpath(fa, p_in, buf) == buf);
	ICHECK(strcmp(buf, want) == 0);
	ICHECK((s = fileargs_realpath(fa, p_deep, NULL)) != NULL);
	ICHECK(strcmp(s, want) == 0);
	free(s);
	ICHECK(fileargs_realpath(fa, p_secret, buf) == NULL);
	ICHECK(errno == ENOTCAPABLE);
	fileargs_free(fa);
	return (0);
}

static void
realpath_works(void **state)
{
	(void)state;
	assert_isolated(realpath_body, NULL);
}

static int
create_body(void *arg)
{
	char *names[] = { p_new, p_missing };
	char buf[16];
	cap_rights_t r;
	struct stat st;
	fileargs_t *fa;
	int fd;

	(void)arg;
	(void)umask(0);
	(void)unlink(p_new);
	ICHECK((fa = fileargs_init(1, names, O_WRONLY | O_CREAT | O_TRUNC,
	    0640, cap_rights_init(&r, CAP_WRITE, CAP_FSTAT), FA_OPEN)) != NULL);
	ICHECK_OK(cap_enter());
	ICHECK_OK(fd = fileargs_open(fa, p_new));
	ICHECK(write(fd, "new\n", 4) == 4);
	ICHECK_ERR(read(fd, buf, sizeof(buf)), ENOTCAPABLE);
	ICHECK_OK(fstat(fd, &st));
	ICHECK((st.st_mode & 07777) == 0640 && st.st_size == 4);
	ICHECK_OK(close(fd));
	/* Not in the list: not created. */
	ICHECK_ERR(fileargs_open(fa, p_missing), ENOTCAPABLE);
	fileargs_free(fa);
	return (0);
}

static void
create_with_mode(void **state)
{
	(void)state;
	assert_isolated(create_body, NULL);
	assert_int_equal(access(p_missing, F_OK), -1);
	assert_int_equal(unlink(p_new), 0);
}

static int
no_create_body(void *arg)
{
	char *names[] = { p_missing };
	fileargs_t *fa;

	(void)arg;
	/* Without O_CREAT in the flags, an allowed name that does not
	 * exist stays missing. */
	ICHECK((fa = fileargs_init(1, names, O_RDWR, 0666, NULL,
	    FA_OPEN)) != NULL);
	ICHECK_ERR(fileargs_open(fa, p_missing), ENOENT);
	ICHECK(access(p_missing, F_OK) == -1 && errno == ENOENT);
	fileargs_free(fa);
	return (0);
}

static void
no_create_without_o_creat(void **state)
{
	(void)state;
	assert_isolated(no_create_body, NULL);
}

static int
unlimited_body(void *arg)
{
	char *names[] = { p_inside };
	cap_rights_t r, all;
	fileargs_t *fa;
	int fd;

	(void)arg;
	/* rightsp NULL: the descriptor keeps every right. */
	ICHECK((fa = fileargs_init(1, names, O_RDONLY, 0, NULL,
	    FA_OPEN)) != NULL);
	ICHECK_OK(fd = fileargs_open(fa, p_inside));
	ICHECK_OK(cap_rights_get(fd, &r));
	CAP_ALL(&all);
	ICHECK(cap_rights_contains(&r, &all));
	ICHECK_OK(close(fd));
	fileargs_free(fa);
	return (0);
}

static void
no_rights_no_limit(void **state)
{
	(void)state;
	assert_isolated(unlimited_body, NULL);
}

static int
args_body(void *arg)
{
	char *names[] = { p_inside, NULL };
	cap_rights_t bad;
	fileargs_t *fa;

	(void)arg;
	errno = 0;
	ICHECK(fileargs_init(-1, names, O_RDONLY, 0, NULL, FA_OPEN) == NULL);
	ICHECK(errno == EINVAL);
	ICHECK(fileargs_init(1, NULL, O_RDONLY, 0, NULL, FA_OPEN) == NULL);
	ICHECK(errno == EINVAL);
	ICHECK(fileargs_init(1, names, O_RDONLY, 0, NULL, 0x10) == NULL);
	ICHECK(errno == EINVAL);
	ICHECK(fileargs_init(2, names, O_RDONLY, 0, NULL, FA_OPEN) == NULL);
	ICHECK(errno == EINVAL);
	memset(&bad, 0xff, sizeof(bad));
	ICHECK(fileargs_init(1, names, O_RDONLY, 0, &bad, FA_OPEN) == NULL);
	ICHECK(errno == EINVAL);
	/* No Casper on Linux. */
	ICHECK(fileargs_cinit(NULL, 1, names, O_RDONLY, 0, NULL,
	    FA_OPEN) == NULL);
	ICHECK(errno == ENOTSUP);
	ICHECK(cap_init() == NULL && errno == ENOTSUP);
	ICHECK(cap_service_open(NULL, "system.fileargs") == NULL &&
	    errno == ENOTSUP);
	cap_close(NULL);
	/* No names: a handle that allows nothing. */
	ICHECK((fa = fileargs_init(0, NULL, O_RDONLY, 0, NULL,
	    FA_OPEN | FA_LSTAT)) != NULL);
	ICHECK_ERR(fileargs_open(fa, p_inside), ENOTCAPABLE);
	ICHECK_ERR(fileargs_lstat(fa, p_inside, &(struct stat){ 0 }),
	    ENOTCAPABLE);
	ICHECK_ERR(fileargs_open(NULL, p_inside), EINVAL);
	fileargs_free(fa);
	fileargs_free(NULL);
	return (0);
}

static void
argument_errors(void **state)
{
	(void)state;
	assert_isolated(args_body, NULL);
}

/*
 * The helper holds no descriptor of ours but its socket (a pipe's reader
 * sees EOF), is invisible to wait(-1), and is gone after fileargs_free.
 */
static int
helper_body(void *arg)
{
	struct pollfd pfd;
	fileargs_t *fa;
	siginfo_t si;
	int p[2], st;
	char c;

	(void)arg;
	ICHECK_OK(make_pipe(p));
	ICHECK((fa = ro_fileargs(FA_OPEN)) != NULL);
	ICHECK_OK(close(p[1]));
	pfd = (struct pollfd){ .fd = p[0], .events = POLLIN };
	ICHECK(poll(&pfd, 1, 5000) == 1);
	ICHECK(read(p[0], &c, 1) == 0);
	ICHECK_ERR(waitpid(-1, &st, WNOHANG), ECHILD);
	fileargs_free(fa);
	memset(&si, 0, sizeof(si));
	ICHECK_ERR(waitid(P_ALL, 0, &si, WEXITED | WNOHANG | __WALL), ECHILD);
	return (0);
}

static void
helper_process(void **state)
{
	(void)state;
	assert_isolated(helper_body, NULL);
}

/* Many requests on one handle, and two handles at once. */
static int
many_body(void *arg)
{
	char *names[] = { p_deep };
	fileargs_t *fa, *fb;
	char buf[16];
	int fd;

	(void)arg;
	ICHECK((fa = ro_fileargs(FA_OPEN)) != NULL);
	ICHECK((fb = fileargs_init(1, names, O_RDONLY, 0, NULL,
	    FA_OPEN)) != NULL);
	ICHECK_OK(cap_enter());
	for (int i = 0; i < 200; i++) {
		ICHECK_OK(fd = fileargs_open(i % 2 ? fa : fb, p_deep));
		ICHECK(read_text(fd, buf, sizeof(buf)) == 0);
		ICHECK(strcmp(buf, "deep\n") == 0);
		ICHECK_OK(close(fd));
	}
	ICHECK_ERR(fileargs_open(fb, p_inside), ENOTCAPABLE);
	fileargs_free(fb);
	fileargs_free(fa);
	return (0);
}

static void
many_requests(void **state)
{
	(void)state;
	assert_isolated(many_body, NULL);
}

/* Keyboard signals hit the whole process group; the helper outlives them. */
static int
keyboard_body(void *arg)
{
	fileargs_t *fa;
	int fd;

	(void)arg;
	ICHECK(signal(SIGINT, SIG_IGN) != SIG_ERR);
	ICHECK(signal(SIGQUIT, SIG_IGN) != SIG_ERR);
	ICHECK((fa = ro_fileargs(FA_OPEN)) != NULL);
	ICHECK_OK(kill(0, SIGINT));
	ICHECK_OK(kill(0, SIGQUIT));
	usleep(100000);
	ICHECK_OK(fd = fileargs_open(fa, p_inside));
	ICHECK_OK(close(fd));
	fileargs_free(fa);
	return (0);
}

static void
helper_survives_keyboard(void **state)
{
	(void)state;
	assert_isolated(keyboard_body, NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(open_in_capmode),
		cmocka_unit_test(fopen_works),
		cmocka_unit_test(lstat_works),
		cmocka_unit_test(realpath_works),
		cmocka_unit_test(create_with_mode),
		cmocka_unit_test(no_create_without_o_creat),
		cmocka_unit_test(no_rights_no_limit),
		cmocka_unit_test(argument_errors),
		cmocka_unit_test(helper_process),
		cmocka_unit_test(many_requests),
		cmocka_unit_test(helper_survives_keyboard),
	};

	return (cmocka_run_group_tests(tests, group_setup, group_teardown));
}
