/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * check.h - assertions for code that runs outside cmocka (isolated
 * children, escape programs): on failure they print the expression, what
 * happened and where, and return 1 from the enclosing int function.
 */
#ifndef TESTS_CHECK_H
#define TESTS_CHECK_H

#include <errno.h>

void	check_report(const char *file, int line, const char *expr,
	    long got, int err, const char *want);
const char	*errno_name(int err);

/* cond must hold. */
#define ICHECK(cond)							\
	do {								\
		if (!(cond)) {						\
			check_report(__FILE__, __LINE__, #cond, 0, 0,	\
			    "true");					\
			return (1);					\
		}							\
	} while (0)

/* expr must fail (-1 or MAP_FAILED cast to long) with errno want. */
#define ICHECK_ERR(expr, want)						\
	do {								\
		errno = 0;						\
		long ck_r_ = (long)(expr);				\
		int ck_e_ = errno;					\
		if (ck_r_ != -1 || ck_e_ != (want)) {			\
			check_report(__FILE__, __LINE__, #expr, ck_r_,	\
			    ck_e_, errno_name(want));			\
			return (1);					\
		}							\
	} while (0)

/* expr must succeed (anything but -1). */
#define ICHECK_OK(expr)							\
	do {								\
		errno = 0;						\
		long ck_r_ = (long)(expr);				\
		if (ck_r_ == -1) {					\
			check_report(__FILE__, __LINE__, #expr, ck_r_,	\
			    errno, "success");				\
			return (1);					\
		}							\
	} while (0)

#endif /* !TESTS_CHECK_H */
