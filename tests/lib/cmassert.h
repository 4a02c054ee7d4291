/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cmassert.h - errno assertions for cmocka tests (include after cmocka.h)
 */
#ifndef TESTS_CMASSERT_H
#define TESTS_CMASSERT_H

#include <errno.h>

/* expr must return -1 with errno err. */
#define ASSERT_ERR(expr, err)						\
	do {								\
		errno = 0;						\
		long ae_r_ = (long)(expr);				\
		int ae_e_ = errno;					\
		if (ae_r_ != -1 || ae_e_ != (err))			\
			fail_msg("%s: got %ld errno %d, expected errno %d", \
			    #expr, ae_r_, ae_e_, (err));		\
	} while (0)

/* expr must not return -1. */
#define ASSERT_OK(expr)							\
	do {								\
		errno = 0;						\
		long ao_r_ = (long)(expr);				\
		if (ao_r_ == -1)					\
			fail_msg("%s failed: errno %d", #expr, errno);	\
	} while (0)

#endif /* !TESTS_CMASSERT_H */
