/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_freebsd_compat.c - a program written for FreeBSD's Capsicum API
 *
 * The body of sandboxed_cat() is what a FreeBSD utility does (compare
 * bin/cat): open inputs, cap_rights_init + cap_rights_limit,
 * caph_limit_stdio, cache what libc opens lazily, caph_enter, then work on
 * descriptors only.  It uses only FreeBSD's headers and names, and checks
 * that every allowed call works and every refused one fails with the
 * errno FreeBSD gives.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include <sys/capsicum.h>
#include <capsicum_helpers.h>

#include "check.h"
#include "isolate.h"
#include "tmpdir.h"

/* As capsicum-test names them. */
#define E_NO_TRAVERSE_CAPABILITY	ENOTCAPABLE
#define E_NO_TRAVERSE_O_BENEATH		ENOTCAPABLE

static struct tree tree;

static int
sandboxed_cat(void *arg)
{
	cap_rights_t rights, got;
	char buf[64], path[PATH_MAX + 16];
	struct stat st;
	uint32_t fcntls;
	unsigned long cmds[8];
	int in[2], out[2], fd, dfd, nfd, flags;
	time_t now = 0;
	ssize_t n;

	(void)arg;
	/* stdin and stdout are pipes the test controls. */
	ICHECK(pipe(in) == 0 && pipe(out) == 0);
	ICHECK(dup2(in[0], STDIN_FILENO) == STDIN_FILENO);
	ICHECK(dup2(out[1], STDOUT_FILENO) == STDOUT_FILENO);
	ICHECK(write(in[1], "stdin\n", 6) == 6);

	snprintf(path, sizeof(path), "%s/inside", tree.held);
	fd = open(path, O_RDONLY);
	ICHECK(fd >= 0);
	dfd = open(tree.held, O_RDONLY | O_DIRECTORY);
	ICHECK(dfd >= 0);

	cap_rights_init(&rights, CAP_READ, CAP_FSTAT, CAP_SEEK);
	ICHECK(caph_rights_limit(fd, &rights) == 0);
	cap_rights_init(&rights, CAP_LOOKUP, CAP_READ, CAP_FSTAT, CAP_SEEK,
	    CAP_FCNTL);
	ICHECK(caph_rights_limit(dfd, &rights) == 0);
	ICHECK(caph_limit_stdio() == 0);
	caph_cache_catpages();
	caph_cache_tzdata();
	ICHECK(caph_enter() == 0);
	ICHECK(cap_sandboxed());

	/* Work on descriptors. */
	n = read(fd, buf, sizeof(buf));
	ICHECK(n == 7 && memcmp(buf, "inside\n", 7) == 0);
	ICHECK(fstat(fd, &st) == 0 && st.st_size == 7);
	ICHECK(lseek(fd, 0, SEEK_SET) == 0);
	ICHECK_ERR(write(fd, "x", 1), ENOTCAPABLE);
	ICHECK_ERR(fchmod(fd, 0600), ENOTCAPABLE);
	nfd = openat(dfd, "sub/deep", O_RDONLY);
	ICHECK(nfd >= 0);
	ICHECK(cap_rights_get(nfd, &got) == 0);
	ICHECK(cap_rights_contains(&rights, &got) &&
	    cap_rights_contains(&got, &rights));
	ICHECK(close(nfd) == 0);
	ICHECK_ERR(openat(dfd, "../secret", O_RDONLY),
	    E_NO_TRAVERSE_CAPABILITY);
	ICHECK_ERR(openat(dfd, "/etc/passwd", O_RDONLY),
	    E_NO_TRAVERSE_CAPABILITY);
	ICHECK_ERR(openat(dfd, "inside", O_RDWR), ENOTCAPABLE);

	/* stdio: read stdin, write stdout, nothing else. */
	n = read(STDIN_FILENO, buf, sizeof(buf));
	ICHECK(n == 6);
	ICHECK(write(STDOUT_FILENO, "out\n", 4) == 4);
	ICHECK_ERR(write(STDIN_FILENO, "x", 1), ENOTCAPABLE);
	ICHECK_ERR(read(STDOUT_FILENO, buf, 1), ENOTCAPABLE);
	ICHECK(cap_rights_get(STDOUT_FILENO, &got) == 0);
	ICHECK(cap_rights_is_set(&got, CAP_WRITE, CAP_FSTAT, CAP_IOCTL,
	    CAP_EVENT, CAP_FCNTL, CAP_SEEK));
	ICHECK(!cap_rights_is_set(&got, CAP_READ));
	ICHECK(cap_ioctls_get(STDOUT_FILENO, cmds, 8) == 3);
	ICHECK(cap_fcntls_get(STDOUT_FILENO, &fcntls) == 0 &&
	    fcntls == CAP_FCNTL_GETFL);
	flags = fcntl(STDOUT_FILENO, F_GETFL);
	ICHECK(flags >= 0);
	ICHECK_ERR(fcntl(STDOUT_FILENO, F_SETFL, flags | O_NONBLOCK),
	    ENOTCAPABLE);
	ICHECK_ERR(ioctl(STDOUT_FILENO, FIONBIO, &(int){ 1 }), ENOTCAPABLE);
	/* An allowed ioctl reaches the kernel (a pipe is no tty). */
	ICHECK_ERR(ioctl(STDOUT_FILENO, TIOCGWINSZ, &(struct winsize){ 0 }),
	    ENOTTY);

	/* Global namespaces: ECAPMODE. */
	ICHECK_ERR(open("/etc/passwd", O_RDONLY), ECAPMODE);
	ICHECK_ERR(stat("/", &st), ECAPMODE);
	ICHECK_ERR(access("/", F_OK), ECAPMODE);
	ICHECK_ERR(mkdir("/tmp/capmode-nope", 0700), ECAPMODE);
	ICHECK_ERR(socket(AF_INET, SOCK_DGRAM, 0), ECAPMODE);
	ICHECK_ERR(kill(getppid(), 0), ECAPMODE);
	ICHECK_ERR(chdir("/"), ECAPMODE);
	ICHECK(getpid() > 0);
	/* What was cached before entering still works. */
	ICHECK(time(&now) != (time_t)-1);
	ICHECK(localtime(&now) != NULL);

	/* The output really went out. */
	ICHECK(close(out[1]) == 0);
	return (0);
}

static void
freebsd_program(void **state)
{
	(void)state;
	assert_isolated(sandboxed_cat, NULL);
}

/* caph_limit_stdio ignores closed stdio descriptors, as on FreeBSD. */
static int
closed_stdin(void *arg)
{
	cap_rights_t got;

	(void)arg;
	ICHECK(close(STDIN_FILENO) == 0);
	ICHECK(caph_limit_stdio() == 0);
	ICHECK(cap_rights_get(STDERR_FILENO, &got) == 0);
	ICHECK(!cap_rights_is_set(&got, CAP_READ));
	ICHECK(caph_limit_stdin() == -1 && errno == EBADF);
	return (0);
}

static void
limit_stdio_closed(void **state)
{
	(void)state;
	assert_isolated(closed_stdin, NULL);
}

/* FreeBSD's cap_rights_limit on an unlimited fd, then get, round trip. */
static void
rights_round_trip(void **state)
{
	cap_rights_t set, got;
	int p[2];

	(void)state;
	assert_int_equal(pipe(p), 0);
	cap_rights_init(&set, CAP_READ, CAP_EVENT, CAP_FSTAT);
	assert_int_equal(cap_rights_limit(p[0], &set), 0);
	assert_int_equal(cap_rights_get(p[0], &got), 0);
	assert_memory_equal(&set, &got, sizeof(set));
	close(p[0]);
	close(p[1]);
}

static int
group_setup(void **state)
{
	(void)state;
	return (tree_make(&tree));
}

static int
group_teardown(void **state)
{
	(void)state;
	return (tree_remove(&tree));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(freebsd_program),
		cmocka_unit_test(limit_stdio_closed),
		cmocka_unit_test(rights_round_trip),
	};

	return (cmocka_run_group_tests(tests, group_setup, group_teardown));
}
