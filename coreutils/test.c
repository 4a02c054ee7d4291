/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * test.c - check file types and compare values
 *
 * usage: test EXPRESSION
 *    or: test
 *    or: [ EXPRESSION ]
 *    or: [ ]
 *    or: [ OPTION
 *
 * Exit with the status determined by EXPRESSION: 0 true, 1 false, 2 an
 * error.  An omitted EXPRESSION defaults to false.  File operands are
 * opened (their directory, O_PATH) before capability mode and examined
 * with fstatat and faccessat beneath those descriptors afterwards.
 *
 *   ( EXPRESSION )               EXPRESSION is true
 *   ! EXPRESSION                 EXPRESSION is false
 *   EXPRESSION1 -a EXPRESSION2   both EXPRESSION1 and EXPRESSION2 are true
 *   EXPRESSION1 -o EXPRESSION2   either EXPRESSION1 or EXPRESSION2 is true
 *
 *   -n STRING            the length of STRING is nonzero
 *   STRING               equivalent to -n STRING
 *   -z STRING            the length of STRING is zero
 *   STRING1 = STRING2    the strings are equal (also ==)
 *   STRING1 != STRING2   the strings are not equal
 *
 *   INTEGER1 -eq INTEGER2   INTEGER1 is equal to INTEGER2
 *   INTEGER1 -ge INTEGER2   INTEGER1 is greater than or equal to INTEGER2
 *   INTEGER1 -gt INTEGER2   INTEGER1 is greater than INTEGER2
 *   INTEGER1 -le INTEGER2   INTEGER1 is less than or equal to INTEGER2
 *   INTEGER1 -lt INTEGER2   INTEGER1 is less than INTEGER2
 *   INTEGER1 -ne INTEGER2   INTEGER1 is not equal to INTEGER2
 *   (-l STRING stands for the length of STRING)
 *
 *   FILE1 -ef FILE2   FILE1 and FILE2 have the same device and inode
 *   FILE1 -nt FILE2   FILE1 is newer (modification date) than FILE2
 *   FILE1 -ot FILE2   FILE1 is older than FILE2
 *
 *   -b FILE   FILE exists and is block special
 *   -c FILE   FILE exists and is character special
 *   -d FILE   FILE exists and is a directory
 *   -e FILE   FILE exists
 *   -f FILE   FILE exists and is a regular file
 *   -g FILE   FILE exists and is set-group-ID
 *   -G FILE   FILE exists and is owned by the effective group ID
 *   -h FILE   FILE exists and is a symbolic link (same as -L)
 *   -k FILE   FILE exists and has its sticky bit set
 *   -L FILE   FILE exists and is a symbolic link (same as -h)
 *   -N FILE   FILE exists and has been modified since it was last read
 *   -O FILE   FILE exists and is owned by the effective user ID
 *   -p FILE   FILE exists and is a named pipe
 *   -r FILE   FILE exists and the user has read access
 *   -s FILE   FILE exists and has a size greater than zero
 *   -S FILE   FILE exists and is a socket
 *   -t FD     file descriptor FD is opened on a terminal
 *   -u FILE   FILE exists and its set-user-ID bit is set
 *   -w FILE   FILE exists and the user has write access
 *   -x FILE   FILE exists and the user has execute (or search) access
 *
 * Except for -h and -L, all FILE-related tests dereference symbolic
 * links.  Only "[ --help" and "[ --version" print help and version;
 * "test --help" is a string.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <sys/stat.h>

#include "capbox.h"
#include "cb_fs.h"

APPLET(test, 2, CB_RAWARGS | CB_NOHELP)
ALIAS("[", test, CB_RAWARGS)

static char **av;
static int ac, pos;

/*
 * The expression is walked twice: first dry, to learn which files it
 * names (opened then, before capability mode), then for real.  Both
 * walks meet the file operands in the same order.
 */
static bool dry;
static jmp_buf dry_out;

struct fref {
	const char	*path;
	struct cb_path	p;	/* the parent and the last name */
	int		tfd;	/* a symbolic link's target, or -1 */
};
static struct fref *refs;
static int nrefs, nextref;
static gid_t *groups;
static int ngroups;

static CB_NORETURN void CB_PRINTF(1, 2)
syntax(const char *fmt, ...)
{
	va_list ap;

	if (dry)
		longjmp(dry_out, 1);
	va_start(ap, fmt);
	cb_vwarnx(fmt, ap);
	va_end(ap);
	exit(2);
}

static CB_NORETURN void
beyond(void)
{
	syntax("missing argument after %s", cb_qc(0, av[ac - 1]));
}

static void
advance(bool need)
{
	pos++;
	if (need && pos >= ac)
		beyond();
}

static void
unary_advance(void)
{
	advance(true);
	pos++;
}

/* ---- files ---- */

/* The file operand named path: registered when dry, found otherwise. */
static struct fref *
fileref(const char *path)
{
	struct fref *r;

	if (dry) {
		if ((refs = realloc(refs, (size_t)(nrefs + 1) *
		    sizeof(*refs))) == NULL)
			cb_err(2, "realloc");
		r = &refs[nrefs++];
		memset(r, 0, sizeof(*r));
		r->path = path;
		r->tfd = -1;
		return (NULL);
	}
	return (nextref < nrefs ? &refs[nextref++] : NULL);
}

/* stat (follow) or lstat of a file operand; false when it fails. */
static bool
file_stat(const char *path, bool follow, struct stat *st)
{
	struct fref *r = fileref(path);

	if (r == NULL)
		return (false);
	if (r->p.dirfd < 0)
		return (false);
	if (!follow && r->p.isfd) {
		/* /dev/fd/N is a symbolic link, as on Linux. */
		if (fstat(r->p.dirfd, st) < 0)
			return (false);
		st->st_mode = S_IFLNK | 0777;
		return (true);
	}
	if (follow && r->tfd >= 0)
		return (fstat(r->tfd, st) == 0);
	return (cb_path_stat(&r->p, st, follow ? 0 : AT_SYMLINK_NOFOLLOW) == 0);
}

static bool
file_access(const char *path, int mode)
{
	struct fref *r = fileref(path);

	if (r == NULL || r->p.dirfd < 0)
		return (false);
	if (r->tfd >= 0)
		return (faccessat(r->tfd, "", mode, AT_EACCESS |
		    AT_EMPTY_PATH) == 0);
	if (r->p.name == NULL)
		return (faccessat(r->p.dirfd, "", mode, AT_EACCESS |
		    AT_EMPTY_PATH) == 0);
	return (faccessat(r->p.dirfd, r->p.name, mode, AT_EACCESS) == 0);
}

static void
open_refs(void)
{
	cap_rights_t rights;
	struct stat st;
	int i;

	cap_rights_init(&rights, CAP_LOOKUP, CAP_FSTAT, CAP_FSTATAT,
	    CAP_FCNTL);
	for (i = 0; i < nrefs; i++) {
		struct fref *r = &refs[i];

		(void)cb_path_open(&r->p, r->path, CB_DIR_PATH);
		/*
		 * A symbolic link is followed now, wherever it leads; a
		 * /dev/fd/N operand is used through a copy made before the
		 * standard streams are limited.
		 */
		if (r->p.isfd)
			r->tfd = cb_open_operand(r->path, O_PATH, 0);
		else if (r->p.dirfd >= 0 && r->p.name != NULL &&
		    fstatat(r->p.dirfd, r->p.name, &st,
		    AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
			r->tfd = cb_open_operand(r->path, O_PATH, 0);
		/* Standard streams keep cb_limit_stdio's rights. */
		if (!(r->p.isfd && r->p.dirfd <= STDERR_FILENO) &&
		    cb_path_limit(&r->p, &rights) < 0)
			cb_err(2, "%s: cannot limit rights", r->path);
		cb_limit_rights(r->tfd, &rights, r->path);
	}
}

static bool
in_group(gid_t g)
{
	int i;

	if (g == getegid())
		return (true);
	for (i = 0; i < ngroups; i++)
		if (groups[i] == g)
			return (true);
	return (false);
}

/* ---- integers ---- */

/* GNU's find_int: blanks, an optional sign, digits, blanks. */
static const char *
find_int(const char *s)
{
	const char *p = s, *start;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '+') {
		start = ++p;
	} else {
		start = p;
		p += *p == '-';
	}
	if (*p >= '0' && *p <= '9') {
		while (*p >= '0' && *p <= '9')
			p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			return (start);
	}
	syntax("invalid integer %s", cb_qc(0, s));
}

/* Compare two integers of any length, as find_int returns them. */
static int
intcmp(const char *a, const char *b)
{
	bool na = *a == '-', nb = *b == '-';
	size_t la, lb;
	int c, sign;

	a += na;
	b += nb;
	while (*a == '0')
		a++;
	while (*b == '0')
		b++;
	la = strspn(a, "0123456789");
	lb = strspn(b, "0123456789");
	if (la == 0)
		na = false;	/* -0 is 0 */
	if (lb == 0)
		nb = false;
	if (na != nb)
		return (na ? -1 : 1);
	sign = na ? -1 : 1;
	if (la != lb)
		return (la < lb ? -sign : sign);
	c = strncmp(a, b, la);
	return (c < 0 ? -sign : c > 0 ? sign : 0);
}

/* ---- the grammar (GNU's, POSIX's argument counts) ---- */

static bool expr(void);
static bool posixtest(int nargs);

static bool
binop(const char *s)
{
	static const char *const ops[] = { "=", "!=", "==", "-nt", "-ot",
	    "-ef", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", NULL };
	int i;

	for (i = 0; ops[i] != NULL; i++)
		if (strcmp(s, ops[i]) == 0)
			return (true);
	return (false);
}

static bool
unop(const char *s)
{
	return (s[0] == '-' && s[1] != '\0' &&
	    strchr("bcdefghknprstuwxzGLOSN", s[1]) != NULL);
}

static bool
mtime_of(const char *path, struct timespec *ts)
{
	struct stat st;

	if (!file_stat(path, true, &st))
		return (false);
	*ts = st.st_mtim;
	return (true);
}

static int
tscmp(struct timespec a, struct timespec b)
{
	if (a.tv_sec != b.tv_sec)
		return (a.tv_sec < b.tv_sec ? -1 : 1);
	return (a.tv_nsec < b.tv_nsec ? -1 : a.tv_nsec > b.tv_nsec);
}

static bool
binary_operator(bool l_is_l)
{
	char lbuf[32], rbuf[32];
	const char *o, *l, *r;
	struct timespec lt, rt;
	struct stat s1, s2;
	bool r_is_l = false, le, re, v;
	int op, c;

	if (l_is_l)
		advance(false);
	op = pos + 1;
	if (op < ac - 2 && strcmp(av[op + 1], "-l") == 0) {
		r_is_l = true;
		advance(false);
	}
	o = av[op];
	if (o[0] == '-') {
		if ((((o[1] == 'l' || o[1] == 'g') && (o[2] == 'e' ||
		    o[2] == 't')) || (o[1] == 'e' && o[2] == 'q') ||
		    (o[1] == 'n' && o[2] == 'e')) && o[3] == '\0') {
			if (l_is_l) {
				(void)snprintf(lbuf, sizeof(lbuf), "%zu",
				    strlen(av[op - 1]));
				l = lbuf;
			} else {
				l = find_int(av[op - 1]);
			}
			if (r_is_l) {
				(void)snprintf(rbuf, sizeof(rbuf), "%zu",
				    strlen(av[op + 2]));
				r = rbuf;
			} else {
				r = find_int(av[op + 1]);
			}
			c = intcmp(l, r);
			pos += 3;
			if (o[1] == 'l')
				return (o[2] == 'e' ? c <= 0 : c < 0);
			if (o[1] == 'g')
				return (o[2] == 'e' ? c >= 0 : c > 0);
			return (o[1] == 'e' ? c == 0 : c != 0);
		}
		if ((strcmp(o, "-nt") == 0 || strcmp(o, "-ot") == 0)) {
			pos += 3;
			if (l_is_l || r_is_l)
				syntax("%s does not accept -l", o);
			le = mtime_of(av[op - 1], &lt);
			re = mtime_of(av[op + 1], &rt);
			if (o[1] == 'n')
				return (le && (!re || tscmp(lt, rt) > 0));
			return (re && (!le || tscmp(lt, rt) < 0));
		}
		if (strcmp(o, "-ef") == 0) {
			pos += 3;
			if (l_is_l || r_is_l)
				syntax("-ef does not accept -l");
			le = file_stat(av[op - 1], true, &s1);
			re = file_stat(av[op + 1], true, &s2);
			return (le && re && s1.st_dev == s2.st_dev &&
			    s1.st_ino == s2.st_ino);
		}
		syntax("%s: unknown binary operator", cb_qc(0, o));
	}
	if (strcmp(o, "=") == 0 || strcmp(o, "==") == 0) {
		v = strcmp(av[pos], av[pos + 2]) == 0;
		pos += 3;
		return (v);
	}
	if (strcmp(o, "!=") == 0) {
		v = strcmp(av[pos], av[pos + 2]) != 0;
		pos += 3;
		return (v);
	}
	syntax("%s: unknown binary operator", cb_qc(0, o));
}

static bool
unary_operator(void)
{
	struct stat st;
	const char *arg;
	char opc = av[pos][1];
	long fd;

	unary_advance();
	arg = av[pos - 1];
	switch (opc) {
	case 'e':
		return (file_stat(arg, true, &st));
	case 'r':
		return (file_access(arg, R_OK));
	case 'w':
		return (file_access(arg, W_OK));
	case 'x':
		return (file_access(arg, X_OK));
	case 'N':
		return (file_stat(arg, true, &st) &&
		    tscmp(st.st_mtim, st.st_atim) > 0);
	case 'O':
		return (file_stat(arg, true, &st) && st.st_uid == geteuid());
	case 'G':
		return (file_stat(arg, true, &st) && in_group(st.st_gid));
	case 'f':
		return (file_stat(arg, true, &st) && S_ISREG(st.st_mode));
	case 'd':
		return (file_stat(arg, true, &st) && S_ISDIR(st.st_mode));
	case 's':
		return (file_stat(arg, true, &st) && st.st_size > 0);
	case 'S':
		return (file_stat(arg, true, &st) && S_ISSOCK(st.st_mode));
	case 'c':
		return (file_stat(arg, true, &st) && S_ISCHR(st.st_mode));
	case 'b':
		return (file_stat(arg, true, &st) && S_ISBLK(st.st_mode));
	case 'p':
		return (file_stat(arg, true, &st) && S_ISFIFO(st.st_mode));
	case 'L':
	case 'h':
		return (file_stat(arg, false, &st) && S_ISLNK(st.st_mode));
	case 'u':
		return (file_stat(arg, true, &st) &&
		    (st.st_mode & S_ISUID) != 0);
	case 'g':
		return (file_stat(arg, true, &st) &&
		    (st.st_mode & S_ISGID) != 0);
	case 'k':
		return (file_stat(arg, true, &st) &&
		    (st.st_mode & S_ISVTX) != 0);
	case 't':
		arg = find_int(arg);
		errno = 0;
		fd = strtol(arg, NULL, 10);
		return (!dry && errno != ERANGE && fd >= 0 && fd <= INT_MAX &&
		    isatty((int)fd));
	case 'n':
		return (arg[0] != '\0');
	case 'z':
		return (arg[0] == '\0');
	}
	syntax("%s: unary operator expected", cb_qc(0, av[pos - 2]));
}

static bool
term(void)
{
	bool value, negated = false;
	int nargs;

	while (pos < ac && strcmp(av[pos], "!") == 0) {
		advance(true);
		negated = !negated;
	}
	if (pos >= ac)
		beyond();
	if (strcmp(av[pos], "(") == 0) {
		advance(true);
		for (nargs = 1; pos + nargs < ac &&
		    strcmp(av[pos + nargs], ")") != 0; nargs++)
			if (nargs == 4) {
				nargs = ac - pos;
				break;
			}
		value = posixtest(nargs);
		if (pos >= ac)
			syntax("%s expected", cb_qc(0, ")"));
		if (strcmp(av[pos], ")") != 0)
			syntax("%s expected, found %s", cb_qc(0, ")"),
			    cb_qc(1, av[pos]));
		advance(false);
	} else if (ac - pos >= 4 && strcmp(av[pos], "-l") == 0 &&
	    binop(av[pos + 2])) {
		value = binary_operator(true);
	} else if (ac - pos >= 3 && binop(av[pos + 1])) {
		value = binary_operator(false);
	} else if (av[pos][0] == '-' && av[pos][1] != '\0' &&
	    av[pos][2] == '\0') {
		if (!unop(av[pos]))
			syntax("%s: unary operator expected", cb_qc(0, av[pos]));
		value = unary_operator();
	} else {
		value = av[pos][0] != '\0';
		advance(false);
	}
	return (negated ^ value);
}

static bool
and(void)
{
	bool value = term();

	while (pos < ac && strcmp(av[pos], "-a") == 0) {
		advance(false);
		value &= term();
	}
	return (value);
}

static bool
or(void)
{
	bool value = and();

	while (pos < ac && strcmp(av[pos], "-o") == 0) {
		advance(false);
		value |= and();
	}
	return (value);
}

static bool
expr(void)
{
	if (pos >= ac)
		beyond();
	return (or());
}

static bool
one_argument(void)
{
	return (av[pos++][0] != '\0');
}

static bool
two_arguments(void)
{
	bool value;

	if (strcmp(av[pos], "!") == 0) {
		advance(false);
		value = !one_argument();
	} else if (av[pos][0] == '-' && av[pos][1] != '\0' &&
	    av[pos][2] == '\0') {
		if (!unop(av[pos]))
			syntax("%s: unary operator expected", cb_qc(0, av[pos]));
		value = unary_operator();
	} else {
		beyond();
	}
	return (value);
}

static bool
three_arguments(void)
{
	bool value;

	if (binop(av[pos + 1])) {
		value = binary_operator(false);
	} else if (strcmp(av[pos], "!") == 0) {
		advance(true);
		value = !two_arguments();
	} else if (strcmp(av[pos], "(") == 0 && strcmp(av[pos + 2], ")") == 0) {
		advance(false);
		value = one_argument();
		advance(false);
	} else if (strcmp(av[pos + 1], "-a") == 0 ||
	    strcmp(av[pos + 1], "-o") == 0) {
		value = expr();
	} else {
		syntax("%s: binary operator expected", cb_qc(0, av[pos + 1]));
	}
	return (value);
}

static bool
posixtest(int nargs)
{
	bool value;

	switch (nargs) {
	case 1:
		return (one_argument());
	case 2:
		return (two_arguments());
	case 3:
		return (three_arguments());
	case 4:
		if (strcmp(av[pos], "!") == 0) {
			advance(true);
			return (!three_arguments());
		}
		if (strcmp(av[pos], "(") == 0 && strcmp(av[pos + 3], ")") == 0) {
			advance(false);
			value = two_arguments();
			advance(false);
			return (value);
		}
		return (expr());
	default:
		return (expr());
	}
}

static bool
evaluate(void)
{
	bool value;

	pos = 1;
	nextref = 0;
	value = posixtest(ac - 1);
	if (pos != ac)
		syntax("extra argument %s", cb_qc(0, av[pos]));
	return (value);
}

int
test_main(int argc, char *argv[])
{
	bool value = false;
	int n;

	if (strcmp(cb_progname, "[") == 0) {
		if (argc < 2 || strcmp(argv[argc - 1], "]") != 0)
			syntax("missing %s", cb_qc(0, "]"));
		argc--;
	}
	av = argv;
	ac = argc;

	/* Dry: learn the file operands (a syntax error waits till later). */
	if (ac > 1) {
		dry = true;
		if (setjmp(dry_out) == 0)
			(void)evaluate();
		dry = false;
	}
	if ((n = getgroups(0, NULL)) > 0 &&
	    (groups = calloc((size_t)n, sizeof(*groups))) != NULL)
		ngroups = getgroups(n, groups) < 0 ? 0 : n;
	open_refs();
	cb_limit_stdio();
	cb_enter();

	if (ac > 1)
		value = evaluate();
	return (value ? 0 : 1);
}
