/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_caprun.c - caprun's command line: options, --fd N:RIGHTS
 *
 * caprun.c is compiled into this file with its main() renamed and exit()
 * turned into a longjmp back here, so its own parse_options() and
 * parse_fd() run on the fuzzer's argument vectors; their messages go to
 * /dev/null.  Nothing past parsing runs: no file is opened, nothing is
 * executed.
 *
 * Input, by its first byte:
 *   'R'   a RIGHTS list for policy_rights();
 *   'N'   bytes that each pick a right name: their list, joined by ',';
 *   else  NUL-separated arguments for caprun (argv[0] is "caprun").
 *
 * Properties:
 *   - parse_options() agrees with a reference parser written from
 *     caprun(1) and getopt_long(3) (long options and their unambiguous
 *     abbreviations, "--name=value" and "--name value", "--" and the
 *     first operand end the options): the same outcome (parsed, --help,
 *     usage error), the same grants in order, descriptors and rights,
 *     cwd, environment and switches, and the same first operand;
 *   - what it accepts stays within the arrays of struct options;
 *   - policy_rights() accepts exactly the comma-separated lists of the
 *     names caprun(1) gives, and a list of names gives a valid set with
 *     each of them, the union of their rights, each in its word.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/capsicum.h>

static FILE *fuzz_sink;
static jmp_buf fuzz_jmp;
static volatile int fuzz_status;

static void __attribute__((noreturn))
fuzz_exit(int status)
{
	fuzz_status = status;
	longjmp(fuzz_jmp, 1);
}

#define main	caprun_main
#define exit	fuzz_exit
#undef stdout
#undef stderr
#define stdout	fuzz_sink
#define stderr	fuzz_sink
#include "../../sandbox/caprun.c"
#undef main
#undef exit
#undef stdout
#undef stderr
#define stdout	stdout
#define stderr	stderr

#define FAIL(...)	do {						\
		fprintf(stderr, "fuzz_caprun: " __VA_ARGS__);		\
		fputc('\n', stderr);					\
		abort();						\
	} while (0)

#define MAXARGS	256

/* caprun(1): the names --fd takes, and what each grants. */
static const struct {
	const char		*name;
	unsigned long long	rights;
} names[] = {
	{ "read", CAP_READ }, { "write", CAP_WRITE }, { "seek", CAP_SEEK },
	{ "fstat", CAP_FSTAT }, { "fcntl", CAP_FCNTL }, { "ioctl", CAP_IOCTL },
	{ "event", CAP_EVENT }, { "mmap", CAP_MMAP_RW }, { "fsync", CAP_FSYNC },
	{ "ftruncate", CAP_FTRUNCATE }, { "lookup", CAP_LOOKUP },
	{ "fchdir", CAP_FCHDIR }, { "create", CAP_CREATE },
	{ "accept", CAP_ACCEPT }, { "send", CAP_SEND }, { "recv", CAP_RECV },
	{ "shutdown", CAP_SHUTDOWN }, { "flock", CAP_FLOCK },
};
#define NNAMES	(sizeof(names) / sizeof(names[0]))

/* caprun(1)'s options: name, takes an argument. */
static const struct {
	const char	*name;
	bool		arg;
} opts[] = {
	{ "ro", true }, { "rw", true }, { "fd", true }, { "cwd", true },
	{ "tmp", false }, { "clearenv", false }, { "env", true },
	{ "verbose", false }, { "print-policy", false }, { "learn", false },
	{ "best-effort", false }, { "no-trap", false }, { "help", false },
};
#define NOPTS	(sizeof(opts) / sizeof(opts[0]))

static struct options ref;

/*
 * name[,name]...: the union in the two words of a cap_rights_t (a right
 * says its word by bit 57 or 58); -1 for an unknown or empty name.
 */
static int
ref_rights(const char *list, uint64_t w[2])
{
	const char *p = list;

	w[0] = CAPRIGHT(0, 0);
	w[1] = CAPRIGHT(1, 0);
	for (;;) {
		size_t l = strchrnul(p, ',') - p, i;

		for (i = 0; i < NNAMES; i++)
			if (strlen(names[i].name) == l &&
			    memcmp(names[i].name, p, l) == 0)
				break;
		if (i == NNAMES)
			return (-1);
		w[(names[i].rights >> 58) & 1] |= names[i].rights;
		if (p[l] == '\0')
			return (0);
		p += l + 1;
	}
}

static int
ref_fd(const char *arg)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (end == arg || n < 0 || n > INT_MAX || (*end != '\0' &&
	    *end != ':') || ref.nfds >= 16 || fcntl((int)n, F_GETFD) < 0)
		return (-1);
	ref.fds[ref.nfds].fd = (int)n;
	if (*end == ':' && ref_rights(end + 1,
	    ref.fds[ref.nfds].rights.cr_rights) < 0)
		return (-1);
	ref.nfds++;
	return (0);
}

/* One option: -1 usage error, 0 --help, 1 go on. */
static int
ref_apply(const char *name, const char *val)
{
	if (strcmp(name, "ro") == 0 || strcmp(name, "rw") == 0) {
		if (ref.ngrants >= MF_MAX / 2)
			return (-1);
		ref.grants[ref.ngrants].path = val;
		ref.grants[ref.ngrants++].rw = name[1] == 'w';
	} else if (strcmp(name, "fd") == 0) {
		if (ref_fd(val) < 0)
			return (-1);
	} else if (strcmp(name, "cwd") == 0)
		ref.cwd = val;
	else if (strcmp(name, "env") == 0) {
		if (strchr(val, '=') == NULL || ref.nenv >= 64)
			return (-1);
		ref.env[ref.nenv++] = val;
	} else if (strcmp(name, "help") == 0)
		return (0);
	else if (strcmp(name, "tmp") == 0)
		ref.tmp = true;
	else if (strcmp(name, "clearenv") == 0)
		ref.clearenv = true;
	else if (strcmp(name, "verbose") == 0)
		ref.verbose = true;
	else if (strcmp(name, "print-policy") == 0)
		ref.print_policy = true;
	else if (strcmp(name, "learn") == 0)
		ref.learn = true;
	else if (strcmp(name, "best-effort") == 0)
		ref.best_effort = true;
	else
		ref.notrap = true;
	return (1);
}

/* The outcome: -1 parsed (*first set), else the exit status. */
static int
ref_parse(int argc, char *argv[], int *first)
{
	int i, r;

	memset(&ref, 0, sizeof(ref));
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *name, *eq, *val = NULL;
		size_t nl, k, found = NOPTS, nfound = 0;

		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (a[0] != '-' || a[1] == '\0')
			break;			/* the program */
		if (a[1] != '-')
			return (EX_CAPRUN);	/* no short options */
		name = a + 2;
		eq = strchr(name, '=');
		nl = eq == NULL ? strlen(name) : (size_t)(eq - name);
		for (k = 0; k < NOPTS; k++) {
			if (strncmp(opts[k].name, name, nl) != 0)
				continue;
			if (strlen(opts[k].name) == nl) {
				found = k;	/* exact beats abbreviations */
				nfound = 1;
				break;
			}
			found = k;
			nfound++;
		}
		if (nfound != 1)
			return (EX_CAPRUN);	/* unknown or ambiguous */
		if (opts[found].arg) {
			if (eq != NULL)
				val = eq + 1;
			else if (i + 1 < argc)
				val = argv[++i];
			else
				return (EX_CAPRUN);
		} else if (eq != NULL)
			return (EX_CAPRUN);
		if ((r = ref_apply(opts[found].name, val)) <= 0)
			return (r < 0 ? EX_CAPRUN : 0);
	}
	*first = i;
	return (-1);
}

static void
compare(const struct options *o, int first, int want_first)
{
	if (first != want_first)
		FAIL("first operand %d, reference %d", first, want_first);
	if (o->ngrants != ref.ngrants || o->nfds != ref.nfds ||
	    o->nenv != ref.nenv || o->cwd != ref.cwd)
		FAIL("%d grants, %d fds, %d env, cwd %s; reference %d, %d, %d, "
		    "%s", o->ngrants, o->nfds, o->nenv, o->cwd, ref.ngrants,
		    ref.nfds, ref.nenv, ref.cwd);
	if (o->tmp != ref.tmp || o->clearenv != ref.clearenv ||
	    o->verbose != ref.verbose || o->print_policy != ref.print_policy ||
	    o->learn != ref.learn || o->best_effort != ref.best_effort ||
	    o->notrap != ref.notrap)
		FAIL("switches differ");
	for (int i = 0; i < o->ngrants; i++)
		if (o->grants[i].path != ref.grants[i].path ||
		    o->grants[i].rw != ref.grants[i].rw)
			FAIL("grant %d: %s", i, o->grants[i].path);
	for (int i = 0; i < o->nfds; i++)
		if (o->fds[i].fd != ref.fds[i].fd ||
		    memcmp(&o->fds[i].rights, &ref.fds[i].rights,
		    sizeof(o->fds[i].rights)) != 0)
			FAIL("--fd %d: rights differ", o->fds[i].fd);
	for (int i = 0; i < o->nenv; i++)
		if (o->env[i] != ref.env[i])
			FAIL("--env %d", i);
}

static void
check_args(const char *in, const char *end)
{
	static struct options o;
	char *argv[MAXARGS + 1];
	int argc = 0, first = -1, want, want_first = -1;

	argv[argc++] = "caprun";
	for (const char *p = in; p < end && argc < MAXARGS; p += strlen(p) + 1)
		argv[argc++] = (char *)p;
	argv[argc] = NULL;

	want = ref_parse(argc, argv, &want_first);
	memset(&o, 0, sizeof(o));
	optind = 0;			/* glibc: start afresh */
	opterr = 0;
	fuzz_status = -1;
	if (setjmp(fuzz_jmp) == 0)
		first = parse_options(&o, argc, argv);
	if (fuzz_status != want)
		FAIL("parse_options: exit status %d, reference %d",
		    fuzz_status, want);
	if (want >= 0)
		return;
	if (o.ngrants > MF_MAX / 2 || o.nfds > 16 || o.nenv > 64 ||
	    first < 1 || first > argc)
		FAIL("parse_options went past its arrays");
	compare(&o, first, want_first);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	cap_rights_t got;
	uint64_t want[2];
	char *in, list[64 * 12];
	size_t n = 0;
	int r, w;

	if (fuzz_sink == NULL && (fuzz_sink = fopen("/dev/null", "w")) == NULL)
		abort();
	if (size == 0)
		return (0);
	if ((in = malloc(size + 1)) == NULL)
		abort();
	memcpy(in, data, size);
	in[size] = '\0';
	switch (data[0]) {
	case 'R':
		r = policy_rights(in + 1, &got);
		w = ref_rights(in + 1, want);
		if (r != w || (r == 0 && (got.cr_rights[0] != want[0] ||
		    got.cr_rights[1] != want[1])))
			FAIL("policy_rights(%s) = %d %#llx %#llx, reference %d "
			    "%#llx %#llx", in + 1, r,
			    (unsigned long long)got.cr_rights[0],
			    (unsigned long long)got.cr_rights[1], w,
			    (unsigned long long)want[0],
			    (unsigned long long)want[1]);
		break;
	case 'N':
		/* Names picked by the bytes: each is in the set, all valid. */
		for (size_t i = 1; i < size && i < 64; i++)
			n += (size_t)sprintf(list + n, "%s%s", i > 1 ? "," : "",
			    names[data[i] % NNAMES].name);
		if (n == 0)
			break;
		if (policy_rights(list, &got) < 0 || !cap_rights_is_valid(&got))
			FAIL("policy_rights(%s): refused or invalid", list);
		for (size_t i = 1; i < size && i < 64; i++)
			if (!cap_rights_is_set(&got, names[data[i] % NNAMES].rights))
				FAIL("policy_rights(%s): %s not set", list,
				    names[data[i] % NNAMES].name);
		if (ref_rights(list, want) < 0 || got.cr_rights[0] != want[0] ||
		    got.cr_rights[1] != want[1])
			FAIL("policy_rights(%s): not the union", list);
		break;
	default:
		check_args(in, in + size);
		break;
	}
	free(in);
	return (0);
}
