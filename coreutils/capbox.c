/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * capbox.c - the multicall binary: find the applet, prepare argv, run it
 *
 * usage: capbox APPLET [ARGUMENT]...
 *        APPLET [ARGUMENT]...        (through a link named after the applet)
 *        capbox --list | --help [APPLET] | --version
 *
 * Every applet opens its operands, narrows each descriptor to the rights
 * it needs, enters capability mode, and only then reads or writes data.
 *
 * Options every applet (except echo, printf, test, [, true, false) accepts:
 *   --root-fd=N   absolute operands resolve inside directory fd N as "/"
 *   --cwd-fd=N    relative operands resolve beneath directory fd N
 *   --help        print the applet's help and exit
 *   --version     print the version and exit
 * An operand "/dev/fd/N" is the inherited descriptor N (no lookup), "-" is
 * standard input.
 *
 * Environment: CAPMODE_STRICT=1 fails unless every guarantee of capability
 * mode can be given; CAPMODE_TRACE_FD=N reports entering it on fd N.
 */
#include <sys/stat.h>

#include "capbox.h"

#ifndef CB_VERSION
#define CB_VERSION "0"
#endif


struct cb_applet {
	const char	*name;
	int		(*main)(int, char *[]);
	int		usage_status;
	unsigned int	flags;
	const char	*help;
};

#include "help.h"
#include "applets.h"

#define NAPPLETS	(sizeof(applets) / sizeof(applets[0]))

static int
cmp_applet(const void *key, const void *elem)
{
	return (strcmp(key, ((const struct cb_applet *)elem)->name));
}

static const struct cb_applet *
find(const char *name)
{
	return (bsearch(name, applets, NAPPLETS, sizeof(applets[0]),
	    cmp_applet));
}

/* The first line of a help text: "usage: ...". */
static void
print_usage_line(const struct cb_applet *a)
{
	const char *nl = strchr(a->help, '\n');

	(void)printf("%.*s\n", nl != NULL ? (int)(nl - a->help) :
	    (int)strlen(a->help), a->help);
}

static int
capbox_help(const char *name)
{
	const struct cb_applet *a;
	size_t i;

	if (name != NULL) {
		if ((a = find(name)) == NULL)
			cb_errx(1, "%s: applet not found", name);
		print_usage_line(a);
		return (cb_finish(0));
	}
	cb_progname = "capbox";
	(void)fputs(help_capbox, stdout);
	(void)printf("\nApplets:");
	for (i = 0; i < NAPPLETS; i++)
		(void)printf("%s%s", i % 10 == 0 ? "\n  " : " ",
		    applets[i].name);
	(void)printf("\n");
	return (cb_finish(0));
}

static CB_NORETURN void
version(const char *name)
{
	(void)printf("%s (capbox) %s\n", name, CB_VERSION);
	exit(cb_finish(0));
}

void
cb_version(void)
{
	version(cb_progname);
}

static CB_NORETURN void
help(const struct cb_applet *a)
{
	(void)fputs(a->help, stdout);
	exit(cb_finish(0));
}

void
cb_help(void)
{
	help(find(cb_progname));
}

/* N of --root-fd=N: an open directory descriptor. */
static int
dirfd_arg(const char *opt, const char *val)
{
	struct stat st;
	uintmax_t n;

	if (val == NULL) {
		cb_warnx("option '%s' requires an argument", opt);
		cb_usage();
	}
	if (cb_parse_uint(val, &n) < 0 || n > INT_MAX)
		cb_errx(cb_usage_status, "invalid argument %s for '%s'",
		    cb_q(0, val), opt);
	if (fstat((int)n, &st) < 0)
		cb_err(cb_usage_status, "%s=%s", opt, val);
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		cb_err(cb_usage_status, "%s=%s", opt, val);
	}
	return ((int)n);
}

/*
 * Is argv[i] one of the dispatcher's options?  Returns how many words it
 * takes (0: not ours) and records it.
 */
static int
own_option(int argc, char *argv[], int i, int *rootfd, int *cwdfd)
{
	static const char *const names[] = { "--root-fd", "--cwd-fd" };
	const char *arg = argv[i];
	size_t len;
	int k;

	for (k = 0; k < 2; k++) {
		len = strlen(names[k]);
		if (strncmp(arg, names[k], len) != 0)
			continue;
		if (arg[len] == '=') {
			*(k == 0 ? rootfd : cwdfd) = dirfd_arg(names[k],
			    arg + len + 1);
			return (1);
		}
		if (arg[len] == '\0') {
			*(k == 0 ? rootfd : cwdfd) = dirfd_arg(names[k],
			    i + 1 < argc ? argv[i + 1] : NULL);
			return (2);
		}
	}
	return (0);
}

/* Take the dispatcher's options out of argv; returns the new argc. */
static int
strip_options(int argc, char *argv[])
{
	int i = 1, k, rootfd = -1, cwdfd = -1;

	while (i < argc && strcmp(argv[i], "--") != 0) {
		if ((k = own_option(argc, argv, i, &rootfd, &cwdfd)) == 0) {
			i++;
			continue;
		}
		memmove(argv + i, argv + i + k,
		    (size_t)(argc - i - k + 1) * sizeof(*argv));
		argc -= k;
	}
	cb_set_base(rootfd, cwdfd);
	return (argc);
}

static int
run(const struct cb_applet *a, int argc, char *argv[])
{
	cb_progname = a->name;
	cb_usage_status = a->usage_status;
	argv[0] = (char *)(uintptr_t)a->name;
	if ((a->flags & CB_RAWARGS) == 0)
		argc = strip_options(argc, argv);
	else if (argc == 2 && (a->flags & CB_NOHELP) == 0) {
		if (strcmp(argv[1], "--help") == 0)
			help(a);
		if (strcmp(argv[1], "--version") == 0)
			version(a->name);
	}
	return (a->main(argc, argv));
}

static int
dispatch(int argc, char *argv[])
{
	const struct cb_applet *a;
	size_t i;

	if (argc < 2) {
		(void)fprintf(stderr, "usage: capbox APPLET [ARGUMENT]...\n"
		    "Try 'capbox --help' for more information.\n");
		return (1);
	}
	if (strcmp(argv[1], "--list") == 0) {
		for (i = 0; i < NAPPLETS; i++)
			(void)printf("%s\n", applets[i].name);
		return (cb_finish(0));
	}
	if (strcmp(argv[1], "--help") == 0)
		return (capbox_help(argc > 2 ? argv[2] : NULL));
	if (strcmp(argv[1], "--version") == 0)
		version("capbox");
	if ((a = find(argv[1])) == NULL) {
		cb_progname = "capbox";
		cb_errx(1, "%s: applet not found", argv[1]);
	}
	return (run(a, argc - 1, argv + 1));
}

/*
 * A closed standard stream would go to the first file an applet opens:
 * output meant for stdout would land in that file, or reading it would
 * fail for want of rights.  Each closed one is held by /dev/null opened
 * the other way round, so that using it fails with EBADF as in GNU's
 * programs ("write error: Bad file descriptor").  Not close-on-exec: it
 * stands for a standard stream.
 */
static void
hold_closed_stdio(void)
{
	int fd, got;

	for (fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		/* The lower ones are open: open(2) returns fd itself. */
		got = open("/dev/null", fd == STDIN_FILENO ? O_WRONLY :
		    O_RDONLY);
		if (got >= 0 && got != fd)
			(void)close(got);
	}
}

int
main(int argc, char *argv[])
{
	const struct cb_applet *a;
	const char *base;

	if (argc < 1 || argv[0] == NULL)
		return (1);
	hold_closed_stdio();
	base = strrchr(argv[0], '/');
	base = base != NULL ? base + 1 : argv[0];
	if (strncmp(base, "capbox", 6) != 0 && (a = find(base)) != NULL)
		return (run(a, argc, argv));
	return (dispatch(argc, argv));
}
