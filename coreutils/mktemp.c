/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * mktemp.c - create a temporary file or directory
 *
 * usage: mktemp [-dqtu] [-p DIR] [--suffix=SUFF] [TEMPLATE]
 *
 * Create a temporary file or directory, safely, and print its name.
 * TEMPLATE must contain at least 3 consecutive 'X's in last component.
 * If TEMPLATE is not specified, use tmp.XXXXXXXXXX, and --tmpdir is
 * implied.  Files are created u+rw, and directories u+rwx, minus umask
 * restrictions.
 *
 *   -d, --directory     create a directory, not a file
 *   -u, --dry-run       do not create anything; merely print a name (unsafe)
 *   -q, --quiet         suppress diagnostics about file/dir-creation failure
 *       --suffix=SUFF   append SUFF to TEMPLATE; SUFF must not contain a
 *                       slash.  This option is implied if TEMPLATE does not
 *                       end in X
 *   -p DIR, --tmpdir[=DIR]  interpret TEMPLATE relative to DIR; if DIR is
 *                       not specified, use $TMPDIR if set, else /tmp.  With
 *                       this option, TEMPLATE must not be an absolute name;
 *                       unlike with -t, TEMPLATE may contain slashes, but
 *                       mktemp creates only the final component
 *   -t                  interpret TEMPLATE as a single file name component,
 *                       relative to a directory: $TMPDIR, if set; else the
 *                       directory specified via -p; else /tmp
 *
 * The directory that will hold the new name is opened before capability
 * mode; the name is then made with openat(O_EXCL) or mkdirat beneath it.
 */
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>

#include "capbox.h"
#include "cb_fs.h"

APPLET(mktemp, 1, 0)

static const char optstr[] = "dp:qtu";
enum { OPT_SUFFIX = 256, OPT_TMPDIR };
static const struct option longopts[] = {
	{ "directory", no_argument, NULL, 'd' },
	{ "dry-run", no_argument, NULL, 'u' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "suffix", required_argument, NULL, OPT_SUFFIX },
	{ "tmpdir", optional_argument, NULL, OPT_TMPDIR },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool		dir, dryrun, quiet, t, usedir;
	const char	*tmpdir, *suffix;
} opt;

static const char letters[] =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

static void
fill(char *x, size_t n)
{
	unsigned char rnd[64];
	static uint64_t state;
	size_t i;

	if (n > sizeof(rnd))
		n = sizeof(rnd);
	if (getrandom(rnd, n, GRND_NONBLOCK) != (ssize_t)n) {
		struct timespec ts;

		(void)clock_gettime(CLOCK_REALTIME, &ts);
		state ^= (uint64_t)ts.tv_nsec ^ ((uint64_t)getpid() << 32);
		for (i = 0; i < n; i++) {
			state = state * 6364136223846793005ULL +
			    1442695040888963407ULL;
			rnd[i] = (unsigned char)(state >> 33);
		}
	}
	for (i = 0; i < n; i++)
		x[i] = letters[rnd[i] % (sizeof(letters) - 1)];
}

/*
 * How much of dir to keep before the template, as gnulib's
 * file_name_concat: the trailing slashes of its last component go ("d//"
 * + "t" is "d/t"), a root stays as it is ("/t", "//t").  *sep: a slash
 * is needed between.
 */
static size_t
dir_len(const char *dir, bool *sep)
{
	const char *base, *p;
	size_t blen;

	for (p = dir; *p == '/'; p++)
		continue;
	for (base = p; *p != '\0'; p++)
		if (p[0] == '/' && p[1] != '/' && p[1] != '\0')
			base = p + 1;
	blen = strlen(base);
	while (blen > 0 && base[blen - 1] == '/')
		blen--;
	*sep = blen > 0;
	return ((size_t)(base - dir) + blen);
}

/* The name to make: [dir/]template[suffix]. */
static char *
full_name(const char *tmpl)
{
	const char *dir = NULL;
	char *s;
	size_t len;
	bool sep;

	if (opt.t || opt.usedir) {
		dir = opt.tmpdir;
		if (opt.t && getenv("TMPDIR") != NULL && *getenv("TMPDIR"))
			dir = getenv("TMPDIR");
		else if (dir == NULL || *dir == '\0')
			dir = getenv("TMPDIR");
		if (dir == NULL || *dir == '\0')
			dir = "/tmp";
		if (opt.t && strchr(tmpl, '/') != NULL)
			cb_errx(1, "invalid template, %s, contains directory "
			    "separator", cb_quote(tmpl));
		if (tmpl[0] == '/')
			cb_errx(1, "invalid template, %s; with --tmpdir, it may "
			    "not be absolute", cb_quote(tmpl));
	}
	if (dir == NULL)
		dir = "";
	len = dir_len(dir, &sep);
	if (asprintf(&s, "%.*s%s%s%s", (int)len, dir, sep ? "/" : "", tmpl,
	    opt.suffix ? opt.suffix : "") < 0)
		cb_err(1, "asprintf");
	return (s);
}

static void
parse(int argc, char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'd':
			opt.dir = true;
			break;
		case 'p':
		case OPT_TMPDIR:
			opt.tmpdir = optarg;
			opt.usedir = true;
			break;
		case 'q':
			opt.quiet = true;
			break;
		case 't':
			opt.t = true;
			break;
		case 'u':
			opt.dryrun = true;
			break;
		case OPT_SUFFIX:
			if (strchr(optarg, '/') != NULL)
				cb_errx(1, "invalid suffix %s, contains directory "
				    "separator", cb_quote(optarg));
			opt.suffix = optarg;
			break;
		default:
			cb_usage();
		}
	}
	if (argc - optind > 1) {
		cb_warnx("too many templates");
		cb_usage();
	}
}

/* Find the X's: [*xs, *xs + *nx) in the last component. */
static void
find_xs(char *name, const char *tmpl, char **xs, size_t *nx)
{
	size_t len = strlen(name) - (opt.suffix ? strlen(opt.suffix) : 0);
	size_t base = len, end, start;

	while (base > 0 && name[base - 1] != '/')
		base--;
	if (opt.suffix != NULL && (len == 0 || name[len - 1] != 'X'))
		cb_errx(1, "with --suffix, template %s must end in X",
		    cb_quote(tmpl));
	for (end = len; end > base && name[end - 1] != 'X'; end--)
		;
	for (start = end; start > base && name[start - 1] == 'X'; start--)
		;
	*xs = name + start;
	*nx = end - start;
	if (*nx < 3)
		cb_errx(1, "too few X's in template %s", cb_quote(tmpl));
}

static int
make(int dirfd, const char *leaf)
{
	struct stat st;
	int fd;

	if (opt.dryrun) {
		if (fstatat(dirfd, leaf, &st, AT_SYMLINK_NOFOLLOW) == 0) {
			errno = EEXIST;
			return (-1);
		}
		return (errno == ENOENT ? 0 : -1);
	}
	if (opt.dir)
		return (mkdirat(dirfd, leaf, 0700));
	if ((fd = openat(dirfd, leaf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) < 0)
		return (-1);
	return (close(fd));
}

int
mktemp_main(int argc, char *argv[])
{
	struct cb_path p;
	cap_rights_t rights;
	char *name, *xs, *leaf;
	size_t nx;
	int e, r = -1, tries;

	parse(argc, argv);
	cb_fs_stdio(argv + optind, argc - optind);
	if (optind == argc)
		opt.usedir = true;
	name = full_name(optind < argc ? argv[optind] : "tmp.XXXXXXXXXX");
	find_xs(name, optind < argc ? argv[optind] : "tmp.XXXXXXXXXX", &xs,
	    &nx);
	(void)cb_path_open(&p, name, CB_DIR_PATH);
	cap_rights_init(&rights, CAP_LOOKUP, CAP_FSTATAT, CAP_CREATE,
	    CAP_WRITE, CAP_SEEK, CAP_MKDIRAT);
	if (cb_path_limit(&p, &rights) < 0)
		cb_err(1, "cap_rights_limit");
	cb_enter();
	leaf = p.name == NULL ? NULL : (char *)p.name;
	for (tries = 0; tries < 1000; tries++) {
		fill(xs, nx);
		if (opt.dryrun && p.dirfd < 0) {
			r = 0;	/* GNU prints a name even so */
			break;
		}
		if (p.dirfd < 0 || leaf == NULL) {
			errno = p.dirfd < 0 ? p.err : EISDIR;
			break;
		}
		/* p.name is a copy of the last component of name. */
		memcpy(leaf + (xs - (name + strlen(name) - strlen(leaf))), xs,
		    nx);
		if ((r = make(p.dirfd, leaf)) == 0 || errno != EEXIST)
			break;
	}
	if (r != 0) {
		if (!opt.quiet) {
			e = errno;
			memset(xs, 'X', nx);
			errno = e;
			cb_warn("failed to create %s via template %s",
			    opt.dir ? "directory" : "file", cb_quote(name));
		}
		return (cb_finish(1));
	}
	printf("%s\n", name);
	cb_path_close(&p);
	free(name);
	return (cb_finish(0));
}
