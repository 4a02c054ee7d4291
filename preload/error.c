/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * error.c - error(3) and error_at_line(3) with Capsicum's messages
 *
 * GNU programs report failures with error(), which formats errno through
 * libc's internal strerror: "Unknown error 134".  These replacements
 * behave as glibc's do (flush stdout, "prog: message: reason", count,
 * exit when status is non-zero) but name the reason with
 * cap_mode_strerror(), so a refused open reads "cat: /etc/shadow: Not
 * permitted in capability mode".
 */
#include <errno.h>
#include <error.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cap_mode.h>

#include "shim.h"

static void __attribute__((format(printf, 5, 0)))
report(int status, int errnum, const char *file, unsigned int line,
    const char *fmt, va_list ap)
{
	(void)fflush(stdout);
	if (error_print_progname != NULL)
		error_print_progname();
	else
		(void)fprintf(stderr, "%s:", program_invocation_name);
	if (file != NULL)
		(void)fprintf(stderr, "%s:%u:", file, line);
	(void)fputc(' ', stderr);
	(void)vfprintf(stderr, fmt, ap);
	if (errnum != 0)
		(void)fprintf(stderr, ": %s", cap_mode_strerror(errnum));
	(void)fputc('\n', stderr);
	(void)fflush(stderr);
	error_message_count++;
	if (status != 0)
		exit(status);
}

SHIM_EXPORT void
error(int status, int errnum, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(status, errnum, NULL, 0, fmt, ap);
	va_end(ap);
}

SHIM_EXPORT void
error_at_line(int status, int errnum, const char *file, unsigned int line,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(status, errnum, file, line, fmt, ap);
	va_end(ap);
}
