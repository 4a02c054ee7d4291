/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_capbox.c - capbox's argument and input parsers: od (-t types, -A,
 * -j/-N/-w sizes), printf (formats and arguments), sort (-k keys, -t),
 * cut (-b/-c/-f lists), tr (sets), seq (numbers, -f, -s) and test/[
 * (expressions), each run whole, once an input
 *
 * An input is a capbox command line: the applet's name, then its
 * arguments, each ended by a NUL byte (the last one needs none).  For an
 * applet that reads standard input, an empty argument ends the arguments
 * and what follows is standard input:
 *	"sort\0" "-k\0" "2,2n\0" "\0" "b 1\na 2\n"
 * For the others every argument counts, empty ones too ("test\0-z\0\0").
 * A first byte 0xff runs the input in the C.UTF-8 locale (else C).  The
 * seeds are tests/fuzz/corpus/capbox/APPLET-*; tests/fuzz/capbox/APPLET.c
 * puts each applet's static state back between runs.
 *
 * Built with -DCB_FUZZ, the applet runs as capbox runs it (argv[0] its
 * name, getopt reset), except that:
 *  - exit() returns here (capbox.h), as does the end of the applet's main;
 *  - limiting and capability mode are no-ops, and operand names never
 *    reach the filesystem: "-", /dev/fd/0 and /dev/fd/1 are the only
 *    operands that open (cb_operands.c, cb_sandbox.c);
 *  - standard input is a pipe (a memfd when larger) holding the input;
 *  - standard output is a non-blocking pipe emptied after each run: output
 *    beyond its 64 KiB is a write error, which bounds every run;
 *  - stdio's stderr writes to /dev/null (CB_FUZZ_STDERR=1 keeps the
 *    messages); sanitizer reports still go to descriptor 2;
 *  - allocations above 32 MiB fail (NULL), as they may in a normal
 *    build, instead of ending the fuzzer as out-of-memory or taking
 *    seconds (printf's "%.*f" 99999999 makes glibc write every digit).
 * A run must leave no descriptor open: the harness aborts if one does.
 */
#include <fcntl.h>
#include <locale.h>
#include <setjmp.h>
#include <stdio_ext.h>
#include <sys/mman.h>

#include "../../coreutils/capbox.h"
#include "capbox_fuzz.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
const char	*__asan_default_options(void);

APPLET(cut, 1, 0)
APPLET(od, 1, 0)
APPLET(printf, 1, CB_RAWARGS)
APPLET(seq, 1, 0)
APPLET(sort, 2, 0)
APPLET(test, 2, CB_RAWARGS | CB_NOHELP)
APPLET(tr, 1, 0)

static const struct applet {
	const char	*name;
	int		usage_status;	/* as in the applet's APPLET() line */
	int		(*main)(int, char *[]);
	void		(*reset)(bool);
	bool		reads;		/* arguments, then standard input */
} applets[] = {
	{ "[", 2, test_main, cbf_reset_test, false },
	{ "cut", 1, cut_main, cbf_reset_cut, true },
	{ "od", 1, od_main, cbf_reset_od, true },
	{ "printf", 1, printf_main, cbf_reset_printf, false },
	{ "seq", 1, seq_main, cbf_reset_seq, false },
	{ "sort", 2, sort_main, cbf_reset_sort, true },
	{ "test", 2, test_main, cbf_reset_test, false },
	{ "tr", 1, tr_main, cbf_reset_tr, true },
};
#define NAPPLETS	(sizeof(applets) / sizeof(applets[0]))

static jmp_buf jmp;
static int devnull = -1, outr = -1, outw = -1;

const char *
__asan_default_options(void)
{
	return ("allocator_may_return_null=1:max_allocation_size_mb=32");
}

void
cb_fuzz_exit(int status)
{
	(void)status;
	longjmp(jmp, 1);
}

/* capbox.c's --help and --version, which getopt may find: a line each. */
void
cb_help(void)
{
	(void)printf("usage: %s\n", cb_progname);
	exit(cb_finish(0));
}

void
cb_version(void)
{
	(void)printf("%s (capbox)\n", cb_progname);
	exit(cb_finish(0));
}

static void
init(void)
{
	size_t i;
	int p[2];
	FILE *f;

	if (devnull >= 0)
		return;
	if ((devnull = open("/dev/null", O_RDWR | O_CLOEXEC)) < 0 ||
	    pipe2(p, O_CLOEXEC | O_NONBLOCK) < 0)
		abort();
	outr = p[0];
	outw = p[1];
	if (getenv("CB_FUZZ_STDERR") == NULL) {
		if ((f = fopen("/dev/null", "we")) == NULL)
			abort();
		stderr = f;
	}
	/* Each applet's state as it is before any run. */
	for (i = 0; i < NAPPLETS; i++)
		applets[i].reset(false);
}

/* Standard input holding data[0..len): a pipe, or a memfd if too big. */
static void
set_stdin(const uint8_t *data, size_t len)
{
	int p[2], fd;

	if (pipe2(p, O_CLOEXEC | O_NONBLOCK) < 0)
		abort();
	if (len == 0 || write(p[1], data, len) == (ssize_t)len) {
		(void)close(p[1]);
		fd = p[0];
		if (fcntl(fd, F_SETFL, 0) < 0)
			abort();
	} else {
		(void)close(p[0]);
		(void)close(p[1]);
		if ((fd = memfd_create("stdin", MFD_CLOEXEC)) < 0 ||
		    write(fd, data, len) != (ssize_t)len ||
		    lseek(fd, 0, SEEK_SET) != 0)
			abort();
	}
	if (dup2(fd, STDIN_FILENO) < 0)
		abort();
	(void)close(fd);
}

/* The lowest free descriptor. */
static int
lowest_free_fd(void)
{
	int fd = dup(devnull);

	if (fd < 0)
		abort();
	(void)close(fd);
	return (fd);
}

/* Split the input into argv (each argument its own allocation). */
static int
split_args(const struct applet *a, const uint8_t **pp, const uint8_t *end,
    char **argv)
{
	const uint8_t *p = *pp, *nul;
	int argc = 1;

	argv[0] = strdup(a->name);
	while (p < end) {
		if ((nul = memchr(p, '\0', (size_t)(end - p))) == NULL)
			nul = end;
		if (a->reads && nul == p) {
			p++;
			break;
		}
		if ((argv[argc] = malloc((size_t)(nul - p) + 1)) == NULL)
			abort();
		memcpy(argv[argc], p, (size_t)(nul - p));
		argv[argc++][nul - p] = '\0';
		p = nul < end ? nul + 1 : end;
	}
	*pp = p;
	return (argc);
}

static void
run(const struct applet *a, const uint8_t *p, const uint8_t *end, bool utf8)
{
	static char buf[65536];
	char **argv;
	int argc, i, lowfd;
	volatile bool exited = false;

	lowfd = lowest_free_fd();
	if ((argv = calloc((size_t)(end - p) + 2, sizeof(*argv))) == NULL)
		abort();
	argc = split_args(a, &p, end, argv);
	set_stdin(p, a->reads ? (size_t)(end - p) : 0);
	if (dup2(outw, STDOUT_FILENO) < 0)
		abort();
	__fpurge(stdout);
	clearerr(stdout);
	(void)setenv("LC_ALL", utf8 ? "C.UTF-8" : "C", 1);
	optind = 0;
	optarg = NULL;
	cb_progname = a->name;
	cb_usage_status = a->usage_status;

	if (setjmp(jmp) == 0)
		(void)a->main(argc, argv);
	else
		exited = true;

	/* Put the process back: streams, locale, the applet's state. */
	__fpurge(stdout);
	clearerr(stdout);
	(void)fflush(stderr);
	clearerr(stderr);
	while (read(outr, buf, sizeof(buf)) > 0)
		continue;
	if (dup2(devnull, STDIN_FILENO) < 0 ||
	    dup2(outw, STDOUT_FILENO) < 0)
		abort();
	(void)setlocale(LC_ALL, "C");
	for (i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
	a->reset(exited);
	if (lowest_free_fd() != lowfd) {
		(void)dprintf(STDERR_FILENO, "%s: a descriptor was left "
		    "open\n", a->name);
		abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *p = data, *end = data + size, *nul;
	bool utf8 = false;
	size_t i;

	init();
	if (p < end && *p == 0xff) {
		utf8 = true;
		p++;
	}
	if ((nul = memchr(p, '\0', (size_t)(end - p))) == NULL)
		return (0);
	for (i = 0; i < NAPPLETS; i++)
		if (strcmp((const char *)p, applets[i].name) == 0) {
			run(&applets[i], nul + 1, end, utf8);
			break;
		}
	return (0);
}
