/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * isolate.h - run a test body in a child process of its own
 *
 * cap_enter() is irreversible and process-wide, so every test that enters
 * capability mode (or changes other process state) runs in a forked child:
 * run_isolated() forks, the child starts a process group of its own, arms
 * an alarm and calls fn; its return value becomes the exit status.  The
 * parent waits, kills what is left of the group and reports.  cmocka
 * itself never forks and never enters capability mode.
 *
 * Inside fn, use the ICHECK* macros of check.h: they print the failed
 * expression and return 1 from fn.  Return ISO_SKIP (after iso_skip())
 * when the kernel or the environment cannot run the test.
 */
#ifndef TESTS_ISOLATE_H
#define TESTS_ISOLATE_H

#define ISO_SKIP	77	/* fn's status for "skipped", as automake uses it */
#define ISO_TIMEOUT	20	/* seconds */

/*
 * Returns fn's status (0..255), 128 + signal if the child was killed, or
 * -1 if it could not be started.  A timeout kills the child with SIGALRM.
 */
int	run_isolated(int (*fn)(void *), void *arg, unsigned int timeout);

/* Nonzero: run_isolated says nothing when the child dies of a signal
 * (for tests that expect it to, such as an abort()). */
extern int	iso_quiet;

/* Print "SKIP: why" on stderr; return ISO_SKIP for fn to return. */
int	iso_skip(const char *why);

#ifdef cmocka_unit_test
/* cmocka glue: fail on anything but 0, skip on ISO_SKIP. */
#define assert_isolated(fn, arg)					\
	do {								\
		int iso_st_ = run_isolated((fn), (arg), ISO_TIMEOUT);	\
		if (iso_st_ == ISO_SKIP)				\
			skip();						\
		if (iso_st_ != 0)					\
			fail_msg("%s: isolated child status %d", #fn,	\
			    iso_st_);					\
	} while (0)
#endif

#endif /* !TESTS_ISOLATE_H */
