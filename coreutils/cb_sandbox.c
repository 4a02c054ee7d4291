/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * cb_sandbox.c - narrow each descriptor, then enter capability mode
 *
 * The one place where an applet crosses from "may open things" to
 * "descriptors only".  Standard streams get FreeBSD's caph_limit_stdio
 * rights; operands get what the applet asks for and nothing more.
 */
#include <locale.h>

#include <capsicum_helpers.h>
#include <cap_mode.h>

#include "capbox.h"

#ifdef CB_FUZZ
/*
 * The fuzzing build runs applets inside the fuzzer's process: narrowing
 * its descriptors or entering capability mode there could not be undone,
 * so limiting and entering do nothing in that build.
 */
void
cb_limit_rights(int fd, const cap_rights_t *rights, const char *name)
{
	(void)fd;
	(void)rights;
	(void)name;
}

void
cb_limit_stdio(void)
{
}

void
cb_enter(void)
{
}
#else
void
cb_limit_rights(int fd, const cap_rights_t *rights, const char *name)
{
	if (fd < 0)
		return;
	if (cap_rights_limit(fd, rights) < 0 && errno != ENOSYS)
		cb_err(cb_usage_status, "%s: cannot limit rights", name);
}

void
cb_limit_stdio(void)
{
	if (caph_limit_stdio() < 0)
		cb_err(cb_usage_status, "cannot limit standard streams");
}

static bool
strict_requested(void)
{
	const char *s = getenv("CAPMODE_STRICT");

	return (s != NULL && strcmp(s, "1") == 0);
}

void
cb_enter(void)
{
	cb_ctype();
	if (cap_enter() == 0)
		return;
	/*
	 * ENOSYS: the kernel offers none of the mechanisms.  Running
	 * unconfined is the documented best effort, refused in strict mode.
	 */
	if (errno == ENOSYS && !strict_requested())
		return;
	cb_err(cb_usage_status, "cannot enter capability mode");
}
#endif

void
cb_limit_ops(struct cb_operands *ops, const cap_rights_t *rights)
{
	int i;

	/* Standard streams keep cb_limit_stdio's rights (narrow only). */
	for (i = 0; i < ops->n; i++)
		if (ops->v[i].fd > STDERR_FILENO)
			cb_limit_rights(ops->v[i].fd, rights, ops->v[i].name);
}

void
cb_locale(void)
{
	/* Locale files are out of reach once in capability mode. */
	(void)setlocale(LC_ALL, "");
}
