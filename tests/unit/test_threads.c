/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test_threads.c - cap_enter confines every thread, even those that exist
 * before it, those blocked in a system call, and those being created or
 * forking while it runs
 *
 * Each round runs isolated: 16 threads blocked in read() on a pipe, 8
 * spinning, one creating short-lived threads and one forking children, all
 * while the main thread calls cap_enter().  Then every thread (and every
 * thread or child started after cap_enter returned) must get ECAPMODE from
 * a raw openat(AT_FDCWD) and EACCES (Landlock) from a raw
 * openat(heldfd, "../secret").  Readers must get their data, not EINTR.
 */
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include <sys/capsicum.h>
#include <cap_mode.h>

#include "check.h"
#include "fdutil.h"
#include "isolate.h"
#include "tmpdir.h"

/*
 * AddressSanitizer's thread start-up reads /proc/self/maps, which
 * capability mode refuses: under ASan no thread may start after cap_enter,
 * so the creator stops before it (the race with pthread_create is then
 * not exercised, and the run says so).
 */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN	1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN	0
#endif

#define NREADERS	16
#define NSPINNERS	8
#define ROUNDS		3

static struct tree tree;

struct round {
	int		pipe[2];
	int		held;
	bool		landlock;
	atomic_int	entered;	/* cap_enter has returned */
	atomic_int	go;		/* spinners: check now */
	atomic_int	stop;
	atomic_int	unconfined;	/* threads that escaped */
	atomic_int	checked;	/* threads that checked */
	atomic_int	eintr;		/* reads interrupted by cap_enter */
	atomic_int	forks_checked;
	atomic_int	creates_checked;
	atomic_int	stop_creating;
};

static void
nap(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0)
		;
}

/* 0 if this thread is confined by both layers, else 1 (and says why). */
static int
confined(struct round *r, const char *who)
{
	long a, b;
	int ea, eb;

	errno = 0;
	a = syscall(SYS_openat, AT_FDCWD, "/", O_RDONLY | O_CLOEXEC);
	ea = errno;
	if (a >= 0)
		syscall(SYS_close, a);
	if (a != -1 || ea != ECAPMODE) {
		fprintf(stderr, "%s: raw openat(AT_FDCWD): %ld %s\n", who, a,
		    errno_name(ea));
		return (1);
	}
	if (!r->landlock)
		return (0);
	errno = 0;
	b = syscall(SYS_openat, r->held, "../secret", O_RDONLY | O_CLOEXEC);
	eb = errno;
	if (b >= 0)
		syscall(SYS_close, b);
	if (b != -1 || eb != EACCES) {
		fprintf(stderr, "%s: raw openat(held, \"../secret\"): %ld %s\n",
		    who, b, errno_name(eb));
		return (1);
	}
	return (0);
}

static void
judge(struct round *r, const char *who)
{
	if (confined(r, who) != 0)
		atomic_fetch_add(&r->unconfined, 1);
	atomic_fetch_add(&r->checked, 1);
}

static void *
reader(void *arg)
{
	struct round *r = arg;
	char c;
	ssize_t n;

	for (;;) {
		n = read(r->pipe[0], &c, 1);
		if (n == 1)
			break;
		if (n < 0 && errno == EINTR) {
			atomic_fetch_add(&r->eintr, 1);
			continue;
		}
		fprintf(stderr, "reader: read returned %zd\n", n);
		atomic_fetch_add(&r->unconfined, 1);
		return (NULL);
	}
	judge(r, "blocked reader");
	return (NULL);
}

static void *
spinner(void *arg)
{
	struct round *r = arg;
	volatile unsigned long x = 0;

	while (!atomic_load(&r->go))
		x++;
	judge(r, "spinner");
	return (NULL);
}

struct child_arg {
	struct round	*r;
	int		must;
};

static void *
short_lived(void *arg)
{
	struct child_arg *ca = arg;

	if (ca->must) {
		judge(ca->r, "thread created after cap_enter");
		atomic_fetch_add(&ca->r->creates_checked, 1);
	}
	return (NULL);
}

static void *
creator(void *arg)
{
	struct round *r = arg;

	while (!atomic_load(&r->stop) && !atomic_load(&r->stop_creating)) {
		struct child_arg ca = { r, atomic_load(&r->entered) };
		pthread_t t;

		if (pthread_create(&t, NULL, short_lived, &ca) != 0) {
			atomic_fetch_add(&r->unconfined, 1);
			break;
		}
		pthread_join(t, NULL);
	}
	return (NULL);
}

static void *
forker(void *arg)
{
	struct round *r = arg;

	while (!atomic_load(&r->stop)) {
		int must = atomic_load(&r->entered), st;
		pid_t pid = fork();

		if (pid < 0) {
			atomic_fetch_add(&r->unconfined, 1);
			break;
		}
		if (pid == 0)
			_exit(must ? confined(r, "child forked after cap_enter") :
			    0);
		if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) ||
		    WEXITSTATUS(st) != 0)
			atomic_fetch_add(&r->unconfined, 1);
		else if (must)
			atomic_fetch_add(&r->forks_checked, 1);
	}
	return (NULL);
}

static int
one_round(void *arg)
{
	struct round *r = arg;
	pthread_t rd[NREADERS], sp[NSPINNERS], cr, fk;
	struct cap_mode_status st;
	char wake[NREADERS];

	r->held = open(tree.held, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	ICHECK(r->held >= 0);
	ICHECK(make_pipe(r->pipe) == 0);
	for (int i = 0; i < NREADERS; i++)
		ICHECK(pthread_create(&rd[i], NULL, reader, r) == 0);
	for (int i = 0; i < NSPINNERS; i++)
		ICHECK(pthread_create(&sp[i], NULL, spinner, r) == 0);
	ICHECK(pthread_create(&cr, NULL, creator, r) == 0);
	ICHECK(pthread_create(&fk, NULL, forker, r) == 0);
	nap(50);	/* let the readers block */
	if (UNDER_ASAN) {
		atomic_store(&r->stop_creating, 1);
		pthread_join(cr, NULL);
		fprintf(stderr, "AddressSanitizer: no thread creation races "
		    "with cap_enter in this build\n");
	}

	if (cap_enter() != 0) {
		fprintf(stderr, "cap_enter: %s\n", errno_name(errno));
		return (1);
	}
	atomic_store(&r->entered, 1);
	ICHECK(cap_mode_status(&st) == 0);
	/* main + readers + spinners + forker (+ creator) at least */
	if (st.cms_threads < 1 + NREADERS + NSPINNERS + 2 - UNDER_ASAN)
		fprintf(stderr, "only %u threads confined\n", st.cms_threads);
	ICHECK(st.cms_threads >= 1 + NREADERS + NSPINNERS + 2 - UNDER_ASAN);
	ICHECK(confined(r, "main thread") == 0);

	nap(100);	/* readers stay blocked across cap_enter */
	memset(wake, 'w', sizeof(wake));
	ICHECK(write(r->pipe[1], wake, sizeof(wake)) == NREADERS);
	atomic_store(&r->go, 1);
	nap(200);
	atomic_store(&r->stop, 1);
	for (int i = 0; i < NREADERS; i++)
		pthread_join(rd[i], NULL);
	for (int i = 0; i < NSPINNERS; i++)
		pthread_join(sp[i], NULL);
	if (!UNDER_ASAN)
		pthread_join(cr, NULL);
	pthread_join(fk, NULL);

	if (atomic_load(&r->eintr) != 0)
		fprintf(stderr, "%d blocked reads failed with EINTR\n",
		    atomic_load(&r->eintr));
	ICHECK(atomic_load(&r->eintr) == 0);
	ICHECK(atomic_load(&r->unconfined) == 0);
	ICHECK(atomic_load(&r->checked) >= NREADERS + NSPINNERS);
	ICHECK(UNDER_ASAN || atomic_load(&r->creates_checked) > 0);
	ICHECK(atomic_load(&r->forks_checked) > 0);
	return (0);
}

static void
threads_confined(void **state)
{
	(void)state;
	for (int i = 0; i < ROUNDS; i++) {
		struct round r;

		memset(&r, 0, sizeof(r));
		r.landlock = landlock_abi() > 0;
		assert_isolated(one_round, &r);
	}
}

/* A thread that blocks every signal cannot be confined by Landlock's
 * per-thread restriction: cap_enter must refuse (EBUSY) rather than leave
 * it out, or confine it anyway.  Either way no thread may stay free. */
static void *
blocker(void *arg)
{
	struct round *r = arg;
	sigset_t all;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
	while (!atomic_load(&r->go))
		nap(1);
	if (!atomic_load(&r->stop))
		judge(r, "thread blocking all signals");
	return (NULL);
}

static int
blocked_signals(void *arg)
{
	struct round *r = arg;
	unsigned int mode = 0;
	pthread_t t;
	int rc;

	r->held = open(tree.held, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	ICHECK(r->held >= 0);
	ICHECK(pthread_create(&t, NULL, blocker, r) == 0);
	nap(50);
	errno = 0;
	rc = cap_enter();
	if (rc != 0) {
		ICHECK(errno == EBUSY);
		ICHECK(cap_getmode(&mode) == 0);
		/* Refused: nothing was entered. */
		ICHECK(mode == 0);
		atomic_store(&r->stop, 1);
		atomic_store(&r->go, 1);
		pthread_join(t, NULL);
		return (0);
	}
	atomic_store(&r->go, 1);
	pthread_join(t, NULL);
	ICHECK(atomic_load(&r->unconfined) == 0);
	return (0);
}

static void
thread_blocking_signals(void **state)
{
	struct round r;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.landlock = landlock_abi() > 0;
	assert_isolated(blocked_signals, &r);
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
		cmocka_unit_test(threads_confined),
		cmocka_unit_test(thread_blocking_signals),
	};

	return (cmocka_run_group_tests(tests, group_setup, group_teardown));
}
