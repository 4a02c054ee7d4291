/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * caprun.c - run an unmodified program in capability mode
 *
 * usage: caprun [OPTION]... -- PROGRAM [ARG]...
 *
 * A chain loader: parse the options, make stdio sane, open what the
 * program may use, write the manifest, close everything else and exec the
 * program with the preload shim, whose constructor enters capability mode
 * before main() runs.  See caprun(1).
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "caprun.h"
#include "ldd.h"

#ifndef CAPRUN_SHIM
#define CAPRUN_SHIM	"/usr/local/lib/libcap_mode_preload.so"
#endif

static const char usage_text[] =
"usage: caprun [OPTION]... -- PROGRAM [ARG]...\n"
"Run PROGRAM in capability mode, with access only to what is granted.\n"
"\n"
"  --ro PATH        pre-open PATH (directory or file) read-only\n"
"  --rw PATH        pre-open PATH read-write\n"
"  --fd N[:RIGHTS]  keep descriptor N open, limited to RIGHTS (read,write,...)\n"
"  --cwd PATH       the program's (virtual) working directory\n"
"  --tmp            a private writable /tmp, also $TMPDIR\n"
"  --clearenv       start from an empty environment\n"
"  --env NAME=VAL   set an environment variable\n"
"  --verbose        explain each denial on stderr\n"
"  --print-policy   print what would be enforced, by which layer, as JSON\n"
"  --learn          run unconfined under strace; print the caprun command\n"
"  --best-effort    run even when a guarantee is missing on this kernel\n"
"  --help           this text\n";

static const struct option longopts[] = {
	{ "ro", required_argument, NULL, 'r' },
	{ "rw", required_argument, NULL, 'w' },
	{ "fd", required_argument, NULL, 'f' },
	{ "cwd", required_argument, NULL, 'c' },
	{ "tmp", no_argument, NULL, 't' },
	{ "clearenv", no_argument, NULL, 'C' },
	{ "env", required_argument, NULL, 'e' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "print-policy", no_argument, NULL, 'P' },
	{ "learn", no_argument, NULL, 'L' },
	{ "best-effort", no_argument, NULL, 'B' },
	{ "no-trap", no_argument, NULL, 'N' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static void __attribute__((noreturn, format(printf, 2, 3)))
fail(int status, const char *fmt, ...)
{
	va_list ap;

	(void)fprintf(stderr, "caprun: ");
	va_start(ap, fmt);
	(void)vfprintf(stderr, fmt, ap);
	va_end(ap);
	(void)fputc('\n', stderr);
	exit(status);
}

/* msg (unless NULL), then the hint; exit status 125. */
static void __attribute__((noreturn))
usage_error(const char *msg)
{
	if (msg != NULL)
		(void)fprintf(stderr, "caprun: %s\n", msg);
	(void)fprintf(stderr, "Try 'caprun --help' for more information.\n");
	exit(EX_CAPRUN);
}

/* What caprun wrote on stdout reached it, or exit 125 saying why not. */
static void
check_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		fail(EX_CAPRUN, "write error: %s", strerror(errno));
}

/*
 * getopt's complaint in GNU's words under caprun's name (opterr is off:
 * glibc would print the path caprun was started by).  word is the
 * argument getopt was looking at.
 */
static void __attribute__((noreturn))
option_error(const char *word)
{
	const struct option *lo, *found = NULL;
	size_t len;
	int n = 0;

	if (word == NULL || strncmp(word, "--", 2) != 0 || word[2] == '\0') {
		(void)fprintf(stderr, "caprun: invalid option -- '%c'\n",
		    optopt);
		usage_error(NULL);
	}
	len = strcspn(word + 2, "=");
	for (lo = longopts; lo->name != NULL; lo++)
		if (strncmp(lo->name, word + 2, len) == 0) {
			if (strlen(lo->name) == len) {
				found = lo;
				n = 1;
				break;
			}
			found = found != NULL ? found : lo;
			n++;
		}
	if (n == 0) {
		(void)fprintf(stderr, "caprun: unrecognized option '%s'\n",
		    word);
	} else if (n > 1) {
		(void)fprintf(stderr, "caprun: option '%.*s' is ambiguous; "
		    "possibilities:", (int)len + 2, word);
		for (lo = longopts; lo->name != NULL; lo++)
			if (strncmp(lo->name, word + 2, len) == 0)
				(void)fprintf(stderr, " '--%s'", lo->name);
		(void)fputc('\n', stderr);
	} else {
		(void)fprintf(stderr, "caprun: option '--%s' %s\n", found->name,
		    word[2 + len] == '=' ? "doesn't allow an argument" :
		    "requires an argument");
	}
	usage_error(NULL);
}

static void
parse_fd(struct options *o, const char *arg)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (end == arg || n < 0 || n > INT_MAX || (*end != '\0' && *end != ':'))
		fail(EX_CAPRUN, "--fd %s: not a descriptor number", arg);
	if (o->nfds >= (int)(sizeof(o->fds) / sizeof(o->fds[0])))
		fail(EX_CAPRUN, "--fd %s: too many descriptors", arg);
	if (fcntl((int)n, F_GETFD) < 0)
		fail(EX_CAPRUN, "--fd %ld: %s", n, strerror(errno));
	o->fds[o->nfds].fd = (int)n;
	memset(&o->fds[o->nfds].rights, 0, sizeof(o->fds[o->nfds].rights));
	if (*end == ':' && policy_rights(end + 1, &o->fds[o->nfds].rights) < 0)
		fail(EX_CAPRUN, "--fd %s: unknown rights", arg);
	o->nfds++;
}

static int
parse_options(struct options *o, int argc, char *argv[])
{
	int c, before = optind;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		switch (c) {
		case 'r':
		case 'w':
			if (o->ngrants >= MF_MAX / 2)
				usage_error("too many --ro/--rw");
			o->grants[o->ngrants].path = optarg;
			o->grants[o->ngrants++].rw = c == 'w';
			break;
		case 'f': parse_fd(o, optarg); break;
		case 'c': o->cwd = optarg; break;
		case 't': o->tmp = true; break;
		case 'C': o->clearenv = true; break;
		case 'e':
			if (strchr(optarg, '=') == NULL || o->nenv >= 64)
				usage_error("--env wants NAME=VALUE");
			o->env[o->nenv++] = optarg;
			break;
		case 'v': o->verbose = true; break;
		case 'P': o->print_policy = true; break;
		case 'L': o->learn = true; break;
		case 'B': o->best_effort = true; break;
		case 'N': o->notrap = true; break;
		case 'h':
			(void)fputs(usage_text, stdout);
			check_stdout();
			exit(0);
		default:
			option_error(before < argc ? argv[before] : NULL);
		}
		before = optind;
	}
	return (optind);
}

/*
 * 0, 1 and 2 open, so nothing we open lands on them.  A closed one is
 * held by /dev/null opened the other way round: the program still fails
 * to use it (EBADF, "write error: Bad file descriptor"), as it would
 * without caprun, instead of writing into /dev/null as if all were well.
 */
static void
fd_sanitize(void)
{
	for (int fd = 0; fd < 3; fd++)
		if (fcntl(fd, F_GETFD) < 0 &&
		    open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY) != fd)
			fail(EX_CAPRUN, "/dev/null: %s", strerror(errno));
}

/* PATH search as execvp does; the result is an absolute path. */
static int
find_program(const char *name, char *out, size_t len)
{
	const char *path = getenv("PATH"), *p, *q;
	char cwd[PATH_MAX];
	struct stat st;
	int err = ENOENT;

	/* The empty name names nothing (execvp: ENOENT), not a PATH entry. */
	if (*name == '\0') {
		errno = ENOENT;
		return (-1);
	}
	if (strchr(name, '/') != NULL) {
		if (realpath(name, out) == NULL)
			return (-1);
		return (0);
	}
	if (path == NULL)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path;; p = q + 1) {
		q = strchr(p, ':');
		if (snprintf(cwd, sizeof(cwd), "%.*s/%s", (int)(q == NULL ?
		    strlen(p) : (size_t)(q - p)), p, name) >= (int)sizeof(cwd))
			err = ENAMETOOLONG;
		else if (access(cwd, X_OK) < 0 || stat(cwd, &st) < 0) {
			/* As execvp: a refusal or a too long name is told. */
			if (errno == EACCES || errno == ENAMETOOLONG)
				err = errno;
		} else if (!S_ISREG(st.st_mode)) {
			/* A directory of that name: execvp goes on, too. */
			err = EACCES;
		} else if (realpath(cwd, out) != NULL) {
			(void)len;
			return (0);
		}
		if (q == NULL)
			break;
	}
	errno = err;
	return (-1);
}

struct build {
	struct manifest	*m;
	int		fds[MF_MAX];	/* our descriptors, per entry */
};

static void
add_entry(struct build *b, int fd, char kind, const char *path,
    const cap_rights_t *rights)
{
	char norm[PATH_MAX];

	/*
	 * The shim compares normalised names: a library the loader names
	 * /opt/x/bin/../lib/x.so (a runpath with "..") is /opt/x/lib/x.so.
	 */
	if (kind != MF_FD) {
		if (mf_normalise(b->m->cwd, path, norm, sizeof(norm)) < 0)
			fail(EX_CAPRUN, "%s: %s", path, strerror(ENAMETOOLONG));
		path = norm;
	}
	for (unsigned int i = 0; i < b->m->n; i++)
		if (b->m->e[i].kind != MF_FD && strcmp(b->m->e[i].path, path)
		    == 0) {
			(void)close(fd);
			return;		/* the first grant of a path wins */
		}
	if (mf_add(b->m, fd, kind, path, rights) < 0)
		fail(EX_CAPRUN, "%s: too many pre-opens", path);
	b->fds[b->m->n - 1] = fd;
}

/* Open a granted path: its canonical name is what the program will see. */
static void
open_grant(struct build *b, const struct grant *g)
{
	char canon[PATH_MAX];
	struct stat st;
	int fd;

	if (realpath(g->path, canon) == NULL || stat(canon, &st) < 0)
		fail(EX_NOEXEC, "%s: %s", *g->path != '\0' ? g->path : "''",
		    strerror(errno));
	if (S_ISDIR(st.st_mode))
		fd = open(canon, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	else
		fd = open(canon, (g->rw ? O_RDWR : O_RDONLY) | O_CLOEXEC);
	if (fd < 0)
		fail(EX_NOEXEC, "%s: %s", g->path, strerror(errno));
	add_entry(b, fd, S_ISDIR(st.st_mode) ? (g->rw ? MF_DIR_RW : MF_DIR_RO) :
	    (g->rw ? MF_FILE_RW : MF_FILE_RO), canon, NULL);
}

static void
add_lib(const char *path, void *arg)
{
	struct build *b = arg;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd >= 0)
		add_entry(b, fd, MF_FILE_RO, path, NULL);
}

/*
 * Merged /usr: /bin, /lib64 ... are symlinks into /usr.  A program names
 * /bin/sh, which the lexical map would not find under --ro /usr, so each
 * top-level symlink whose target lies in a granted directory becomes an
 * entry of its own, with the same rights.
 */
static void
add_root_aliases(struct build *b)
{
	static const char *const names[] = { "/bin", "/sbin", "/lib",
	    "/lib32", "/lib64", "/libx32" };
	char target[PATH_MAX];
	const struct mf_entry *e;
	struct stat st;
	int fd;

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (lstat(names[i], &st) < 0 || !S_ISLNK(st.st_mode) ||
		    realpath(names[i], target) == NULL ||
		    (e = mf_lookup(b->m, target, strlen(target))) == NULL ||
		    (e->kind != MF_DIR_RO && e->kind != MF_DIR_RW))
			continue;
		if ((fd = open(target, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0)
			add_entry(b, fd, e->kind, names[i], NULL);
	}
}

/* Directories above each pre-open may be stat'ed (realpath, sqlite). */
static void
add_ancestors(struct build *b)
{
	char up[PATH_MAX], *slash;
	unsigned int n = b->m->n;
	int fd;

	for (unsigned int i = 0; i < n; i++) {
		if (b->m->e[i].kind != MF_DIR_RO && b->m->e[i].kind != MF_DIR_RW)
			continue;
		(void)snprintf(up, sizeof(up), "%s", b->m->e[i].path);
		while ((slash = strrchr(up, '/')) != NULL && up[1] != '\0') {
			slash[slash == up ? 1 : 0] = '\0';
			if (mf_lookup(b->m, up, strlen(up)) != NULL &&
			    strcmp(mf_lookup(b->m, up, strlen(up))->path, up)
			    == 0)
				continue;
			if ((fd = open(up, O_PATH | O_DIRECTORY | O_CLOEXEC)) >= 0)
				add_entry(b, fd, MF_ANCESTOR, up, NULL);
		}
	}
}

/* --tmp: a fresh directory, shown to the program as /tmp. */
static char *
make_tmp(struct build *b)
{
	const char *base = getenv("TMPDIR");
	char tmpl[PATH_MAX];
	char *dir;
	int fd;

	if (base == NULL || *base == '\0')
		base = "/tmp";
	(void)snprintf(tmpl, sizeof(tmpl), "%s/caprun.XXXXXX", base);
	if ((dir = mkdtemp(tmpl)) == NULL ||
	    (fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		fail(EX_CAPRUN, "--tmp: %s: %s", tmpl, strerror(errno));
	add_entry(b, fd, MF_DIR_RW, "/tmp", NULL);
	return (strdup(dir));
}

/*
 * Move every descriptor of the manifest to its final number, without
 * close-on-exec, and close all others.
 */
static void
place_fds(struct build *b, const struct options *o)
{
	int base = 3, tmp;

	for (int i = 0; i < o->nfds; i++)
		if (o->fds[i].fd >= base)
			base = o->fds[i].fd + 1;
	for (unsigned int i = 0; i < b->m->n; i++) {
		if (b->m->e[i].kind == MF_FD)
			continue;
		if ((tmp = fcntl(b->fds[i], F_DUPFD_CLOEXEC, base + MF_MAX +
		    16)) < 0)
			fail(EX_CAPRUN, "dup: %s", strerror(errno));
		(void)close(b->fds[i]);
		b->fds[i] = tmp;
	}
	for (unsigned int i = 0; i < b->m->n; i++) {
		int want = b->m->e[i].kind == MF_FD ? b->m->e[i].fd :
		    base + (int)i;

		if (b->m->e[i].kind != MF_FD) {
			if (dup2(b->fds[i], want) < 0)
				fail(EX_CAPRUN, "dup2: %s", strerror(errno));
			(void)close(b->fds[i]);
			b->m->e[i].fd = want;
		} else if (fcntl(want, F_SETFD, 0) < 0)
			fail(EX_CAPRUN, "--fd %d: %s", want, strerror(errno));
	}
	for (int fd = 3; fd < base + MF_MAX + 16; fd++) {
		bool keep = false;

		for (unsigned int i = 0; i < b->m->n && !keep; i++)
			keep = b->m->e[i].fd == fd;
		if (!keep)
			(void)close(fd);
	}
	if (syscall(SYS_close_range, base + MF_MAX + 16, ~0U, 0) < 0)
		fail(EX_CAPRUN, "close_range: %s", strerror(errno));
}

/* The preload shim: $CAPRUN_SHIM (tests, uninstalled builds) or LIBDIR. */
static void
find_shim(char shim[PATH_MAX])
{
	const char *s = getenv("CAPRUN_SHIM");

	if (s == NULL)
		s = CAPRUN_SHIM;
	if (realpath(s, shim) == NULL)
		fail(EX_CAPRUN, "%s: %s", s, strerror(errno));
}

static void
set_env(const struct options *o, const struct manifest *m, const char *shim,
    bool tmp)
{
	static char text[MF_POOL * 3 + 4096];

	if (o->clearenv && clearenv() != 0)
		fail(EX_CAPRUN, "clearenv failed");
	for (int i = 0; i < o->nenv; i++)
		if (putenv((char *)o->env[i]) != 0)
			fail(EX_CAPRUN, "--env: %s", strerror(errno));
	if (mf_encode(m, text, sizeof(text)) < 0)
		fail(EX_CAPRUN, "manifest too long");
	if (setenv(MF_ENV, text, 1) < 0 || setenv("LD_PRELOAD", shim, 1) < 0 ||
	    (tmp && setenv("TMPDIR", "/tmp", 1) < 0))
		fail(EX_CAPRUN, "setenv: %s", strerror(errno));
}

static int
status_of(int st)
{
	if (WIFEXITED(st))
		return (WEXITSTATUS(st));
	if (WIFSIGNALED(st))
		return (128 + WTERMSIG(st));
	return (EX_CAPRUN);
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	if (remove(path) < 0 && errno != ENOENT)
		(void)fprintf(stderr, "caprun: %s: %s\n", path, strerror(errno));
	return (0);
}

/* rm -r of the private /tmp, depth first, never following symlinks. */
static void
remove_tree(const char *dir)
{
	(void)nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

static void __attribute__((noreturn))
run(const char *prog, char *const argv[], const char *tmpdir)
{
	pid_t pid;
	int st;

	if (tmpdir == NULL) {
		execv(prog, argv);
		fail(errno == ENOENT ? EX_NOTFOUND : EX_NOEXEC, "%s: %s", prog,
		    strerror(errno));
	}
	/* With --tmp we stay behind to remove the directory. */
	if ((pid = fork()) < 0)
		fail(EX_CAPRUN, "fork: %s", strerror(errno));
	if (pid == 0) {
		execv(prog, argv);
		(void)fprintf(stderr, "caprun: %s: %s\n", prog, strerror(errno));
		_exit(errno == ENOENT ? EX_NOTFOUND : EX_NOEXEC);
	}
	(void)signal(SIGINT, SIG_IGN);
	(void)signal(SIGQUIT, SIG_IGN);
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			fail(EX_CAPRUN, "waitpid: %s", strerror(errno));
	remove_tree(tmpdir);
	exit(status_of(st));
}

/*
 * A statically linked program loads no shim.  It is started from inside
 * capability mode instead: env(1), with the shim, execs it, and the shim
 * maps it into that process (uexec.c), where its SIGSYS handler serves
 * the program's path calls for as long as it runs.
 */
#define LAUNCHER	"/usr/bin/env"

static char **
static_argv(const char *prog, int n, char *const argv[])
{
	char **v = calloc((size_t)n + 3, sizeof(*v));

	if (v == NULL)
		fail(EX_CAPRUN, "out of memory");
	v[0] = "env";
	v[1] = "--";
	v[2] = (char *)prog;
	for (int i = 1; i < n; i++)
		v[i + 2] = argv[i];
	return (v);
}

int
main(int argc, char *argv[])
{
	static struct options o;
	static struct manifest m;
	static struct build b;
	char prog[PATH_MAX], cwd[PATH_MAX], shim[PATH_MAX];
	char *tmpdir = NULL;
	int first, is_static = 0;

	first = parse_options(&o, argc, argv);
	if (first >= argc && !o.print_policy)
		usage_error("no program given");
	fd_sanitize();
	if (o.learn)
		return (learn_run(argv + first));
	if (first < argc && find_program(argv[first], prog, sizeof(prog)) < 0)
		fail(errno == ENOENT ? EX_NOTFOUND : EX_NOEXEC, "%s: %s",
		    *argv[first] != '\0' ? argv[first] : "''",
		    strerror(errno));
	if (!o.print_policy && !policy_check(&o))
		return (EX_NOEXEC);
	b.m = &m;
	m.flags = (o.verbose ? MF_VERBOSE : 0) | (o.best_effort ? 0 :
	    MF_STRICT) | (o.notrap ? MF_NOTRAP : 0);
	/* The virtual cwd starts where caprun was started, unless --cwd. */
	if (realpath(o.cwd != NULL ? o.cwd : ".", cwd) == NULL)
		fail(EX_NOEXEC, "--cwd %s: %s", o.cwd != NULL ? o.cwd : ".",
		    strerror(errno));
	if (mf_add(&m, -1, 0, cwd, NULL) < 0)
		fail(EX_CAPRUN, "--cwd: too long");
	for (int i = 0; i < o.ngrants; i++)
		open_grant(&b, &o.grants[i]);
	if (o.tmp)
		tmpdir = make_tmp(&b);
	for (int i = 0; i < o.nfds; i++)
		add_entry(&b, o.fds[i].fd, MF_FD, "", &o.fds[i].rights);
	add_root_aliases(&b);
	if (first < argc && (is_static = ldd_is_static(prog))) {
		if (access(LAUNCHER, X_OK) < 0)
			fail(EX_NOEXEC, "%s: statically linked, and %s, which "
			    "would start it confined, is missing", prog,
			    LAUNCHER);
		add_lib(prog, &b);
		(void)ldd_collect(LAUNCHER, add_lib, &b);
	} else if (first < argc)
		(void)ldd_collect(prog, add_lib, &b);
	/* Programs started inside load the shim again. */
	find_shim(shim);
	add_lib(shim, &b);
	add_ancestors(&b);
	if (o.print_policy) {
		policy_print(&o, &m, first < argc ? prog : NULL);
		check_stdout();
		return (0);
	}
	place_fds(&b, &o);
	set_env(&o, &m, shim, o.tmp);
	if (is_static)
		run(LAUNCHER, static_argv(prog, argc - first, argv + first),
		    tmpdir);
	run(prog, argv + first, tmpdir);
}
