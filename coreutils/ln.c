/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ln.c - make links between files
 *
 * usage: ln [-fnsTv] [-t DIRECTORY] TARGET... [LINK_NAME|DIRECTORY]
 *
 * In the 1st form, create a link to TARGET with the name LINK_NAME.
 * In the 2nd form, create a link to TARGET in the current directory.
 * In the 3rd and 4th forms, create links to each TARGET in DIRECTORY.
 * Create hard links by default, symbolic links with --symbolic.
 *
 *   -f, --force                 remove existing destination files
 *   -n, --no-dereference        treat LINK_NAME as a normal file if
 *                               it is a symbolic link to a directory
 *   -P, --physical              make hard links directly to symbolic links
 *   -s, --symbolic              make symbolic links instead of hard links
 *   -t, --target-directory=DIRECTORY  specify the DIRECTORY in which to
 *                               create the links
 *   -T, --no-target-directory   treat LINK_NAME as a normal file always
 *   -v, --verbose               print name of each linked file
 *
 * Not supported (an error, never ignored): -L, --logical, -b, --backup,
 * -i, --interactive, -S, --suffix, -r, --relative.
 *
 * The directories that will hold the links, and those of hard link
 * targets, are opened before capability mode; links are then made with
 * linkat/symlinkat beneath them.  A symbolic link's text is never looked up.
 */
#include <libgen.h>
#include <sys/stat.h>

#include "capbox.h"
#include "cb_fs.h"

APPLET(ln, 1, 0)

static const char optstr[] = "fnsTt:vPLbiS:r";
static const struct option longopts[] = {
	{ "force", no_argument, NULL, 'f' },
	{ "no-dereference", no_argument, NULL, 'n' },
	{ "physical", no_argument, NULL, 'P' },
	{ "symbolic", no_argument, NULL, 's' },
	{ "target-directory", required_argument, NULL, 't' },
	{ "no-target-directory", no_argument, NULL, 'T' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "logical", no_argument, NULL, 'L' },
	{ "backup", optional_argument, NULL, 'b' },
	{ "interactive", no_argument, NULL, 'i' },
	{ "suffix", required_argument, NULL, 'S' },
	{ "relative", no_argument, NULL, 'r' },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool		force, noderef, symbolic, notarget, verbose;
	const char	*tdir;
} opt;

/* The last component of a target, as the link's name in a directory. */
static const char *
base_of(const char *s, char **freeme)
{
	char *c = strdup(s);

	*freeme = c;
	return (c == NULL ? s : basename(c));
}

/* GNU's message for a link not made (errno says why). */
static void
link_failed(const char *shown, const char *target)
{
	/* The target is named when it may be the cause. */
	if (opt.symbolic && (errno == ENAMETOOLONG || *target == '\0'))
		cb_warn("failed to create symbolic link %s -> %s",
		    cb_quote_n(1, shown), cb_quote_n(2, target));
	else if (opt.symbolic)
		cb_warn("failed to create symbolic link %s", cb_quote(shown));
	else if (errno == EEXIST)
		cb_warn("failed to create hard link %s", cb_quote(shown));
	else
		cb_warn("failed to create hard link %s => %s",
		    cb_quote_n(1, shown), cb_quote_n(2, target));
}

static int
make_link(struct cb_path *src, const char *target, int dirfd,
    const char *name, const char *shown)
{
	struct stat st;
	int r;

	if (!opt.symbolic) {
		if (src->dirfd < 0 || cb_path_stat(src, &st,
		    AT_SYMLINK_NOFOLLOW) < 0) {
			if (src->dirfd < 0)
				errno = src->err;
			cb_warn("failed to access %s", cb_quote(target));
			return (1);
		}
		if (S_ISDIR(st.st_mode)) {
			cb_warnx("%s: hard link not allowed for directory",
			    target);
			return (1);
		}
	}
	for (;;) {
		if (opt.symbolic)
			r = symlinkat(target, dirfd, name);
		else if (src->name == NULL)
			r = linkat(src->dirfd, "", dirfd, name, AT_EMPTY_PATH);
		else
			r = linkat(src->dirfd, src->name, dirfd, name, 0);
		if (r == 0 || errno != EEXIST || !opt.force)
			break;
		if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISDIR(st.st_mode)) {
			cb_warnx("%s: cannot overwrite directory", shown);
			return (1);
		}
		/* -f: a destination that is the target itself stays. */
		if (!opt.symbolic && fstatat(dirfd, name, &st,
		    AT_SYMLINK_NOFOLLOW) == 0) {
			struct stat ss;

			if (cb_path_stat(src, &ss, AT_SYMLINK_NOFOLLOW) == 0 &&
			    cb_same_inode(&st, &ss)) {
				cb_warnx("%s and %s are the same file",
				    cb_quote_n(1, target), cb_quote_n(2, shown));
				return (1);
			}
		}
		if (unlinkat(dirfd, name, 0) < 0)
			break;
		opt.force = false;
	}
	if (r < 0) {
		link_failed(shown, target);
		return (1);
	}
	if (opt.verbose)
		printf("%s %s %s\n", cb_quote_n(1, shown),
		    opt.symbolic ? "->" : "=>", cb_quote_n(2, target));
	return (0);
}

/* Is arg an existing directory to put links in? */
static bool
is_dir_dest(const char *arg)
{
	struct stat st;
	int fd;

	if (opt.notarget)
		return (false);
	fd = cb_open_operand(arg, O_PATH | (opt.noderef ? O_NOFOLLOW : 0), 0);
	if (fd < 0)
		return (false);
	if (fstat(fd, &st) < 0)
		st.st_mode = 0;
	(void)close(fd);
	return (S_ISDIR(st.st_mode));
}

static void
parse(int argc, char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			opt.force = true;
			break;
		case 'n':
			opt.noderef = true;
			break;
		case 'P':
			break;
		case 's':
			opt.symbolic = true;
			break;
		case 't':
			opt.tdir = optarg;
			break;
		case 'T':
			opt.notarget = true;
			break;
		case 'v':
			opt.verbose = true;
			break;
		case 'L':
			cb_unsupported("--logical");
		case 'b':
			cb_unsupported("--backup");
		case 'i':
			cb_unsupported("--interactive");
		case 'S':
			cb_unsupported("--suffix");
		case 'r':
			cb_unsupported("--relative");
		default:
			cb_usage();
		}
	}
}

/* Where the links go: one (dirfd, name) per target. */
struct plan {
	struct cb_path	dest, *src;
	char		**names, **shown, **freeme;
	int		n;
	bool		todir;
};

static void
plan_dir(struct plan *pl, char **targets, const char *dir)
{
	int i;
	size_t dl = strlen(dir);

	(void)cb_path_open_dir(&pl->dest, dir, CB_DIR_PATH);
	for (i = 0; i < pl->n; i++) {
		const char *b = base_of(targets[i], &pl->freeme[i]);

		pl->names[i] = (char *)b;
		if ((pl->shown[i] = malloc(dl + strlen(b) + 2)) != NULL)
			(void)sprintf(pl->shown[i], "%s%s%s", dir,
			    dl > 0 && dir[dl - 1] == '/' ? "" : "/", b);
	}
	pl->todir = true;
}

int
ln_main(int argc, char *argv[])
{
	struct plan pl;
	cap_rights_t rd, rs;
	char **targets;
	int i, rval = 0;

	parse(argc, argv);
	cb_fs_stdio(argv + optind, argc - optind);
	memset(&pl, 0, sizeof(pl));
	targets = argv + optind;
	pl.n = argc - optind;
	if (pl.n == 0) {
		cb_warnx("missing file operand");
		cb_usage();
	}
	if (opt.tdir != NULL && opt.notarget)
		cb_errx(1, "cannot combine --target-directory and "
		    "--no-target-directory");
	if (opt.tdir == NULL && pl.n > 1 && !is_dir_dest(targets[pl.n - 1])) {
		if (pl.n > 2 || opt.notarget) {
			if (opt.notarget && pl.n > 2) {
				cb_warnx("extra operand %s", cb_quote(targets[2]));
				cb_usage();
			}
			if (pl.n > 2)
				cb_target_not_dir(targets[pl.n - 1]);
		}
	}
	pl.names = calloc((size_t)pl.n, sizeof(char *));
	pl.shown = calloc((size_t)pl.n, sizeof(char *));
	pl.freeme = calloc((size_t)pl.n, sizeof(char *));
	pl.src = calloc((size_t)pl.n, sizeof(*pl.src));
	if (pl.names == NULL || pl.shown == NULL || pl.freeme == NULL ||
	    pl.src == NULL)
		cb_err(1, "calloc");
	if (opt.tdir != NULL)
		plan_dir(&pl, targets, opt.tdir);
	else if (pl.n == 1)
		plan_dir(&pl, targets, ".");
	else if (is_dir_dest(targets[pl.n - 1]))
		plan_dir(&pl, targets, targets[--pl.n]);
	else {
		pl.n = 1;
		(void)cb_path_open(&pl.dest, targets[1], CB_DIR_PATH);
		pl.names[0] = (char *)pl.dest.name;
		pl.shown[0] = strdup(targets[1]);
	}
	if (pl.n == 1 && opt.tdir == NULL && argc - optind == 1)
		pl.shown[0] = strdup(pl.names[0]);
	cap_rights_init(&rd, CAP_LOOKUP, CAP_SYMLINKAT, CAP_LINKAT_TARGET,
	    CAP_CREATE, CAP_MKFIFOAT, CAP_MKNODAT, CAP_FSTATAT);
	if (opt.force)
		cap_rights_set(&rd, CAP_UNLINKAT);
	cap_rights_init(&rs, CAP_LOOKUP, CAP_LINKAT_SOURCE, CAP_FSTATAT,
	    CAP_FSTAT);
	if (cb_path_limit(&pl.dest, &rd) < 0)
		cb_err(1, "cap_rights_limit");
	if (!opt.symbolic && cb_paths_open(pl.src, pl.n, targets, CB_DIR_PATH,
	    &rs) < 0)
		cb_err(1, "cap_rights_limit");
	cb_enter();
	for (i = 0; i < pl.n; i++) {
		if (pl.dest.dirfd < 0) {
			errno = pl.dest.err;
			link_failed(pl.shown[i] ? pl.shown[i] : targets[i],
			    targets[i]);
			rval = 1;
			continue;
		}
		rval |= make_link(&pl.src[i], targets[i], pl.dest.dirfd,
		    pl.todir ? pl.names[i] : pl.dest.name,
		    pl.shown[i] ? pl.shown[i] : targets[i]);
	}
	if (!opt.symbolic)
		cb_paths_close(pl.src, pl.n);
	cb_path_close(&pl.dest);
	return (cb_finish(rval));
}
