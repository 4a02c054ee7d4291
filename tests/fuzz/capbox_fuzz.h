/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * capbox_fuzz.h - run one capbox applet per fuzzer input
 *
 * tests/fuzz/fuzz_APPLET.c includes this file, then the applet's source
 * (so that it can put the applet's static state back between runs), and
 * calls cbf_run() from LLVMFuzzerTestOneInput.  The applet is compiled
 * with -DCB_FUZZ (tests/fuzz/capbox.mk).
 *
 * An input is the applet's arguments, each ended by a NUL byte.  For an
 * applet that reads standard input, an empty argument ends them and what
 * follows is standard input:
 *	"-k\0" "2,1n\0" "\0" "b 1\na 2\n"	sort -k 2,1n with two lines
 * For the others every argument counts, empty ones too.  A last argument
 * needs no NUL.  In the harnesses that set `locale`, a first byte 0xff
 * runs that input in the C.UTF-8 locale (C otherwise).
 *
 * The applet runs as capbox runs it (argv[0] its name, getopt reset),
 * except that:
 *  - exit() returns here (capbox.h's CB_FUZZ hook), as does the end of
 *    the applet's main;
 *  - limiting and capability mode are no-ops, and operand names never
 *    reach the filesystem: "-", /dev/fd/0 and /dev/fd/1 are the only
 *    operands that open (cb_operands.c, cb_sandbox.c);
 *  - standard input is a pipe (a memfd when larger) holding the input;
 *  - standard output is a non-blocking pipe emptied after each run: output
 *    beyond its 64 KiB is a write error, which bounds every run;
 *  - stdio's stderr writes to /dev/null (CB_FUZZ_STDERR=1 keeps the
 *    messages); sanitizer reports still go to descriptor 2;
 *  - allocations above 256 MiB fail (NULL), as they may in a normal
 *    build, instead of ending the fuzzer as out-of-memory.
 * A run must leave no descriptor open: the harness aborts if one does.
 */
#include <fcntl.h>
#include <locale.h>
#include <setjmp.h>
#include <stdio_ext.h>
#include <sys/mman.h>

#include "../../coreutils/capbox.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
const char	*__asan_default_options(void);

struct cbf_applet {
	const char	*name;
	int		usage_status;	/* as in the applet's APPLET() line */
	int		(*main)(int, char *[]);
	/*
	 * Put the applet's static state back as it was before the first
	 * run, freeing and closing what a run left.  `exited` tells that
	 * the run ended through exit() (what was to be freed at the end
	 * of main was not).
	 */
	void		(*reset)(bool exited);
	bool		reads;		/* arguments, then standard input */
	bool		locale;		/* a first byte 0xff: C.UTF-8 */
};

static jmp_buf cbf_jmp;
static int cbf_null = -1, cbf_outr = -1, cbf_outw = -1;

const char *
__asan_default_options(void)
{
	return ("allocator_may_return_null=1:max_allocation_size_mb=256");
}

void
cb_fuzz_exit(int status)
{
	(void)status;
	longjmp(cbf_jmp, 1);
}

static void
cbf_init(void)
{
	int p[2];
	FILE *f;

	if (cbf_null >= 0)
		return;
	if ((cbf_null = open("/dev/null", O_RDWR | O_CLOEXEC)) < 0 ||
	    pipe2(p, O_CLOEXEC | O_NONBLOCK) < 0)
		abort();
	cbf_outr = p[0];
	cbf_outw = p[1];
	if (getenv("CB_FUZZ_STDERR") == NULL) {
		if ((f = fopen("/dev/null", "we")) == NULL)
			abort();
		stderr = f;
	}
}

/* Standard input holding data[0..len): a pipe, or a memfd if too big. */
static void
cbf_stdin(const uint8_t *data, size_t len)
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
cbf_lowfd(void)
{
	int fd = dup(cbf_null);

	if (fd < 0)
		abort();
	(void)close(fd);
	return (fd);
}

static int
cbf_run(const struct cbf_applet *a, const uint8_t *data, size_t size)
{
	static char buf[65536];
	char **argv;
	const uint8_t *p = data, *end = data + size, *nul;
	int argc = 1, i, lowfd;
	volatile bool exited = false;
	bool utf8 = false;

	cbf_init();
	a->reset(false);
	lowfd = cbf_lowfd();
	if (a->locale && size > 0 && data[0] == 0xff) {
		utf8 = true;
		p++;
	}
	if ((argv = calloc(size + 2, sizeof(*argv))) == NULL)
		abort();
	argv[0] = strdup(a->name);
	while (p < end) {
		if ((nul = memchr(p, '\0', (size_t)(end - p))) == NULL)
			nul = end;
		if (a->reads && nul == p) {
			p++;
			break;
		}
		/* Each argument its own allocation: overreads show. */
		if ((argv[argc] = malloc((size_t)(nul - p) + 1)) == NULL)
			abort();
		memcpy(argv[argc], p, (size_t)(nul - p));
		argv[argc++][nul - p] = '\0';
		p = nul < end ? nul + 1 : end;
	}
	cbf_stdin(p, a->reads ? (size_t)(end - p) : 0);
	if (dup2(cbf_outw, STDOUT_FILENO) < 0)
		abort();
	__fpurge(stdout);
	clearerr(stdout);
	(void)setenv("LC_ALL", utf8 ? "C.UTF-8" : "C", 1);
	optind = 0;
	optarg = NULL;
	cb_progname = a->name;
	cb_usage_status = a->usage_status;

	if (setjmp(cbf_jmp) == 0)
		(void)a->main(argc, argv);
	else
		exited = true;

	__fpurge(stdout);
	clearerr(stdout);
	(void)fflush(stderr);
	clearerr(stderr);
	while (read(cbf_outr, buf, sizeof(buf)) > 0)
		continue;
	if (dup2(cbf_null, STDIN_FILENO) < 0 ||
	    dup2(cbf_outw, STDOUT_FILENO) < 0)
		abort();
	(void)setlocale(LC_ALL, "C");
	for (i = 0; i < argc; i++)
		free(argv[i]);
	free(argv);
	a->reset(exited);
	if (cbf_lowfd() != lowfd) {
		(void)dprintf(STDERR_FILENO, "%s: a descriptor was left "
		    "open\n", a->name);
		abort();
	}
	return (0);
}

/* For reset(): the first use saves var's value, later ones restore it. */
#define CBF_RESTORE(var) do {						\
	static __typeof__(var) var##_0;					\
	static bool var##_saved;					\
									\
	if (!var##_saved) {						\
		var##_0 = var;						\
		var##_saved = true;					\
	}								\
	var = var##_0;							\
} while (0)
