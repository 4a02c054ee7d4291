/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * shim.c - libcap_mode_preload.so: the constructor
 *
 * caprun starts a program with this library preloaded, the manifest in
 * CAPRUN_MANIFEST and the pre-opened descriptors inherited.  Before main()
 * runs, the constructor:
 *   1. decodes the manifest into the path map;
 *   2. narrows the rights of each read-only pre-open, so that both the
 *      library's checks and the Landlock rules derived from the rights say
 *      "read-only";
 *   3. enters capability mode (cap_enter: Landlock domain from the
 *      pre-opened directories, then the seccomp filter, on every thread);
 *   4. installs the SIGSYS handler and the extra filter that traps the
 *      path system calls libc makes without going through us (the dynamic
 *      loader, inline syscalls), after cap_enter, whose own /proc reads
 *      must not be trapped;
 *   5. makes the path map read-only.
 * Any failure ends the program with status 126 before main() runs: a
 * program that believes it is confined but is not would be worse.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cap_mode.h>

#include "shim.h"

/* Rights of a read-only pre-open: read, look up, execute, never modify. */
static void
ro_rights(cap_rights_t *r)
{
	cap_rights_init(r, CAP_READ, CAP_SEEK, CAP_LOOKUP, CAP_FSTAT,
	    CAP_FSTATAT, CAP_FSTATFS, CAP_FCHDIR, CAP_MMAP_RX, CAP_FEXECVE,
	    CAP_FCNTL, CAP_FLOCK, CAP_EVENT, CAP_FPATHCONF);
}

static void __attribute__((noreturn))
die(const char *what, const char *why)
{
	char line[512];
	int n;

	n = snprintf(line, sizeof(line), "caprun: %s: %s\n", what, why);
	if (n > 0)
		(void)write(STDERR_FILENO, line, (size_t)n < sizeof(line) ?
		    (size_t)n : sizeof(line) - 1);
	_exit(126);
}

static void
limit_entries(const struct manifest *m)
{
	cap_rights_t ro, r;

	ro_rights(&ro);
	for (unsigned int i = 0; i < m->n; i++) {
		const struct mf_entry *e = &m->e[i];

		switch (e->kind) {
		case MF_DIR_RO:
		case MF_FILE_RO:
			if (cap_rights_limit(e->fd, &ro) < 0)
				die(e->path, strerror(errno));
			break;
		case MF_ANCESTOR:
			cap_rights_init(&r, CAP_FSTAT);
			if (cap_rights_limit(e->fd, &r) < 0)
				die(e->path, strerror(errno));
			break;
		case MF_FD:
			if (e->rights.cr_rights[0] == 0)
				break;
			if (cap_rights_limit(e->fd, &e->rights) < 0)
				die("--fd", strerror(errno));
			break;
		default:
			if (fcntl(e->fd, F_GETFD) < 0)
				die(e->path, strerror(errno));
			break;
		}
	}
}

static void
enter(const struct manifest *m)
{
	char buf[1024];

	if ((m->flags & MF_STRICT) != 0 &&
	    cap_mode_set_strict(CAP_MODE_G_ALL & ~CAP_MODE_G_BPF_RIGHTS) < 0)
		die("strict mode", strerror(errno));
	if (cap_enter() < 0) {
		if (errno == ENOTSUP) {
			(void)cap_mode_status_format(buf, sizeof(buf));
			(void)write(STDERR_FILENO, buf, strnlen(buf,
			    sizeof(buf)));
		}
		die("cannot enter capability mode", strerror(errno));
	}
}

__attribute__((constructor)) static void
shim_init(void)
{
	const char *text = getenv(MF_ENV), *why;
	const struct manifest *m;
	unsigned int mode;

	if (text == NULL)
		return;
	if (pm_init(text, &why) < 0)
		die("bad manifest", why);
	m = pm_manifest();
	/*
	 * Started by uexec.c from a confined program: the kernel layers and
	 * the trap filter are inherited, and the old image's handler answers
	 * cap_getmode's probe.  Only our own handler is new then.
	 */
	if (cap_getmode(&mode) == 0 && mode == 1) {
		limit_entries(m);
		if (sigsys_install() < 0)
			die("SIGSYS handler", strerror(errno));
		if (pm_seal() < 0)
			die("sealing the path map", strerror(errno));
		return;
	}
	limit_entries(m);
	enter(m);
	if ((m->flags & MF_NOTRAP) == 0) {
		if (sigsys_install() < 0)
			die("SIGSYS handler", strerror(errno));
		if (sigsys_filter() < 0)
			die("trap filter", strerror(errno));
	}
	if (pm_seal() < 0)
		die("sealing the path map", strerror(errno));
}
