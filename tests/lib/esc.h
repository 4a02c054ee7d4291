/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * esc.h - the harness of the escape programs (tests/escape/E*.c)
 *
 * Each program makes its positive controls (the operation works outside
 * capability mode), enters capability mode in an isolated child, and tries
 * the attack through libc and through raw syscall().  Every attempt must be
 * refused with the errno of the layer that claims to refuse it.
 *
 * Exit status (read by tests/escape/run.sh):
 *   0   every attempt refused by the expected layer
 *   1   ESCAPE: an attempt succeeded
 *   2   refused, but with another errno than the claimed layer's, or a
 *       positive control failed (the test proves nothing)
 *   77  skipped (the reason is printed)
 */
#ifndef TESTS_ESC_H
#define TESTS_ESC_H

#include <errno.h>
#include <stdbool.h>

#include <sys/capsicum.h>

#include "check.h"
#include "fdutil.h"
#include "isolate.h"
#include "tmpdir.h"

#define ESC_OK		0
#define ESC_ESCAPED	1
#define ESC_WRONG	2
#define ESC_SKIPPED	ISO_SKIP

void	esc_refused(const char *expr, long r, int err, int want);
void	esc_refused2(const char *expr, long r, int err, int want1, int want2);
void	esc_control(const char *expr, long r, int err);
void	esc_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Enter capability mode and check cap_getmode(); exits 2 if impossible. */
void	esc_enter(void);
/* Print the reason and exit 77, or the status if an attempt failed. */
__attribute__((noreturn)) void	esc_skip(const char *why);
/* The status of this process's attempts (see above). */
int	esc_status(void);
/* Directory of the running program (for helpers); before cap_enter. */
const char	*esc_exe_dir(void);
/* run fn isolated, remove t (if non-NULL), return the status. */
int	esc_run(int (*fn)(void *), void *arg, struct tree *t);
/* The exit status: the child's (esc_run) merged with this process's. */
int	esc_finish(int child);
/* Build the scratch tree (tmpdir.h) or exit 2. */
void	esc_tree(struct tree *t);
/* Open the held directory of t, or exit 2. */
int	esc_open_held(const struct tree *t);
/*
 * Try execveat(dirfd, path, flags) in a child: returns 0 if the exec
 * happened (whatever the new program then did), or -1 with the errno
 * execveat failed with.
 */
long	esc_exec_probe(int dirfd, const char *path, int flags);
/* True when running as root. */
bool	esc_root(void);

/* The attempt must fail with want. */
#define REFUSED(expr, want)						\
	do {								\
		errno = 0;						\
		long esc_r_ = (long)(expr);				\
		esc_refused(#expr, esc_r_, errno, (want));		\
	} while (0)

/* The attempt must fail with want1 or want2 (two layers may answer). */
#define REFUSED2(expr, want1, want2)					\
	do {								\
		errno = 0;						\
		long esc_r_ = (long)(expr);				\
		esc_refused2(#expr, esc_r_, errno, (want1), (want2));	\
	} while (0)

/* A control that may fail for reasons of the environment: noted only. */
#define SOFT_CONTROL(expr)						\
	do {								\
		errno = 0;						\
		long esc_r_ = (long)(expr);				\
		esc_note("control %s: %s", esc_r_ == -1 ?		\
		    "unavailable here" : "ok", #expr);			\
	} while (0)

/* A positive control: must succeed, or the test proves nothing. */
#define CONTROL(expr)							\
	do {								\
		errno = 0;						\
		long esc_r_ = (long)(expr);				\
		esc_control(#expr, esc_r_, errno);			\
	} while (0)

#endif /* !TESTS_ESC_H */
