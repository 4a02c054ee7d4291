/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * policy.c - what caprun will enforce, and whether this kernel can
 *
 * Fail closed: unless --best-effort, a guarantee this kernel cannot give
 * stops caprun before the program runs, and the message names it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <cap_mode.h>
#include <sys/capsicum.h>

#include "caprun.h"
#include "ldd.h"

/* Guarantees caprun insists on: all but the optional eBPF rights. */
#define REQUIRED	(CAP_MODE_G_ALL & ~CAP_MODE_G_BPF_RIGHTS)

static const struct {
	const char		*name;
	unsigned long long	right;
} right_names[] = {
	{ "read", CAP_READ }, { "write", CAP_WRITE }, { "seek", CAP_SEEK },
	{ "fstat", CAP_FSTAT }, { "fcntl", CAP_FCNTL }, { "ioctl", CAP_IOCTL },
	{ "event", CAP_EVENT }, { "mmap", CAP_MMAP_RW }, { "fsync", CAP_FSYNC },
	{ "ftruncate", CAP_FTRUNCATE }, { "lookup", CAP_LOOKUP },
	{ "fchdir", CAP_FCHDIR }, { "create", CAP_CREATE },
	{ "accept", CAP_ACCEPT }, { "send", CAP_SEND }, { "recv", CAP_RECV },
	{ "shutdown", CAP_SHUTDOWN }, { "flock", CAP_FLOCK },
};

/*
 * Some names are rights of the second word (event, ioctl): the set is
 * built by cap_rights_set, which puts each in its word.
 */
int
policy_rights(const char *list, cap_rights_t *rights)
{
	const char *p = list;

	cap_rights_init(rights);
	for (;;) {
		size_t l = strcspn(p, ",");
		size_t i;

		for (i = 0; i < sizeof(right_names) / sizeof(right_names[0]); i++)
			if (strlen(right_names[i].name) == l &&
			    strncmp(right_names[i].name, p, l) == 0)
				break;
		if (i == sizeof(right_names) / sizeof(right_names[0]))
			return (-1);	/* unknown, or empty: "", ",x", "x," */
		cap_rights_set(rights, right_names[i].right);
		p += l;
		if (*p++ == '\0')
			return (0);
	}
}

bool
policy_check(const struct options *o)
{
	struct cap_mode_status st;
	uint32_t missing;

	if (cap_mode_status(&st) < 0) {
		(void)fprintf(stderr, "caprun: cap_mode_status: %s\n",
		    strerror(errno));
		return (false);
	}
	missing = REQUIRED & ~st.cms_available;
	if (missing == 0 || o->best_effort)
		return (true);
	for (uint32_t bit = 1; bit <= CAP_MODE_G_ALL; bit <<= 1)
		if ((missing & bit) != 0)
			(void)fprintf(stderr, "caprun: this kernel cannot "
			    "enforce %s; refusing to run (--best-effort runs "
			    "anyway)\n", cap_mode_guarantee_name(bit));
	return (false);
}

static void
json_string(const char *s)
{
	(void)putchar('"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			(void)printf("\\%c", c);
		else if (c < 0x20)
			(void)printf("\\u%04x", c);
		else
			(void)putchar(c);
	}
	(void)putchar('"');
}

static const char *
kind_name(char kind)
{
	switch (kind) {
	case MF_DIR_RO: return ("directory, read+execute");
	case MF_DIR_RW: return ("directory, read-write");
	case MF_FILE_RO: return ("file, read+execute");
	case MF_FILE_RW: return ("file, read-write");
	case MF_ANCESTOR: return ("directory above a pre-open, stat only");
	default: return ("descriptor");
	}
}

/* Which layers enforce an entry's limits. */
static const char *
kind_layers(char kind)
{
	switch (kind) {
	case MF_DIR_RO:
	case MF_DIR_RW:
		return ("\"shim path map\", \"libcap_mode rights+openat2 "
		    "RESOLVE_BENEATH\", \"landlock\"");
	case MF_ANCESTOR:
		return ("\"shim path map\", \"libcap_mode rights\"");
	default:
		return ("\"shim path map\", \"libcap_mode rights\", "
		    "\"kernel open mode\"");
	}
}

void
policy_print(const struct options *o, const struct manifest *m,
    const char *program)
{
	struct cap_mode_status st;
	const char *sep = "";

	if (cap_mode_status(&st) < 0)
		memset(&st, 0, sizeof(st));
	(void)printf("{\n  \"program\": ");
	if (program != NULL)
		json_string(program);
	else
		(void)printf("null");
	(void)printf(",\n  \"start\": \"%s\"", program != NULL &&
	    ldd_is_static(program) ? "static: mapped by the shim inside env(1), "
	    "raw path calls served by the SIGSYS handler" :
	    "exec with the preload shim");
	(void)printf(",\n  \"strict\": %s,\n  \"cwd\": ",
	    o->best_effort ? "false" : "true");
	json_string(m->cwd);
	(void)printf(",\n  \"preopens\": [");
	for (unsigned int i = 0; i < m->n; i++) {
		(void)printf("%s\n    { \"path\": ", sep);
		json_string(m->e[i].path);
		(void)printf(", \"access\": \"%s\", \"enforced_by\": [%s] }",
		    kind_name(m->e[i].kind), kind_layers(m->e[i].kind));
		sep = ",";
	}
	(void)printf("\n  ],\n  \"layers\": {\n");
	(void)printf("    \"landlock_abi\": %d,\n", st.cms_landlock_abi);
	for (uint32_t bit = 1; bit <= CAP_MODE_G_ALL; bit <<= 1)
		(void)printf("    \"%s\": \"%s\",\n", cap_mode_guarantee_name(bit),
		    (st.cms_available & bit) != 0 ? "enforced" :
		    (REQUIRED & bit) != 0 && !o->best_effort ? "missing: refuse" :
		    "missing");
	(void)printf("    \"sigsys_emulation\": \"%s\",\n", o->notrap ?
	    "off: raw path calls fail with ECAPMODE" :
	    "raw path calls trapped and resolved through the path map");
	(void)printf("    \"global_namespaces\": \"seccomp: open/stat/*at with "
	    "AT_FDCWD, socket, connect, bind, ptrace, kill of others, mount, "
	    "namespaces, execve (only execveat of a descriptor)\"\n");
	(void)printf("  }\n}\n");
}
