/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fuzz_pathmap.c - the shim's path map: virtual path -> (dirfd, relpath)
 *
 * A small tree is built once beneath the build directory and its parts
 * pre-opened under virtual names, nested and overlapping as caprun lays
 * them out ("/" and "/home" stat-only ancestors, "/usr" with "/usr/lib"
 * and a file "/usr/lib/x.so" inside it, "/bin" an alias of usr/bin, names
 * with bytes that are not UTF-8 or that the manifest escapes), with
 * symbolic links inside, out, absolute, looping and growing.  The path
 * map is made from its manifest by pm_init() and sealed as in the shim.
 * The tree, FIXTURE_DIR/pathmap.PID, is removed at exit, or by the next
 * run when this one crashed.
 *
 * Input: a flags byte, then NUL-separated records: the virtual cwd, then
 * paths.  In a record, "\1" and a byte K repeat the text since the last
 * '/' K more times (long names and paths).  Flags: 1 also pm_follow()
 * each mapped path, 2 follow the last component too, 4 take the cwd
 * through pm_map() as chdir does (else set it as given, covered or not).
 *
 * Properties, against the reference in tests/fuzz/pathref.h:
 *   - pm_map's normalised path is the reference's, for absolute paths and
 *     for relative ones against the cwd; ENAMETOOLONG exactly when the
 *     reference does not fit in PATH_MAX, ENOENT for "", ECAPMODE when no
 *     entry covers it;
 *   - the entry is the reference's longest match, and dirfd is its fd;
 *   - the remainder is "" for a file or ancestor, "." for the entry
 *     itself, and otherwise relative, with no "", "." or ".." component,
 *     and the entry's path joined with it gives the normalised path: it
 *     lies beneath the entry and cannot climb above the dirfd;
 *   - pm_follow agrees with a reference that follows the tree's links by
 *     readlinkat() on descriptors of its own, and what it maps obeys the
 *     same rules.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pathmap.h"
#include "pathref.h"

#ifndef FIXTURE_DIR
#define FIXTURE_DIR	"."
#endif
#define CWD0		"/home/u"
#define EXP_MAX		(3 * PATH_MAX)

#define FAIL(...)	do {						\
		fprintf(stderr, "fuzz_pathmap: " __VA_ARGS__);		\
		fputc('\n', stderr);					\
		abort();						\
	} while (0)

/* The pre-opens: virtual name, kind, where it is in the tree. */
static const struct {
	const char	*virt;
	char		kind;
	const char	*real;
} preopens[] = {
	{ "/", MF_ANCESTOR, "." },
	{ "/usr", MF_DIR_RO, "usr" },
	{ "/usr/lib", MF_DIR_RW, "usr/lib" },
	{ "/usr/libexec", MF_DIR_RO, "usr/libexec" },
	{ "/usr/lib/x.so", MF_FILE_RO, "usr/lib/x.so" },
	{ "/bin", MF_DIR_RO, "usr/bin" },
	{ "/etc", MF_ANCESTOR, "etc" },
	{ "/etc/passwd", MF_FILE_RO, "etc/passwd" },
	{ "/etc/alternatives", MF_DIR_RO, "etc/alternatives" },
	{ "/home", MF_ANCESTOR, "home" },
	{ "/home/u", MF_DIR_RW, "home/u" },
	{ "/home/u/.cfg", MF_FILE_RW, "home/u/.cfg" },
	{ "/tmp", MF_DIR_RW, "tmp" },
	{ "/d\xff\xfe", MF_DIR_RO, "nonutf" },
	{ "/sp ace;%,", MF_DIR_RO, "weird" },
};
#define NPRE	(sizeof(preopens) / sizeof(preopens[0]))

static const char *const dirs[] = { "usr", "usr/lib", "usr/lib/sub",
	"usr/libexec", "usr/bin", "etc", "etc/alternatives", "home", "home/u",
	"home/u/x", "tmp", "nonutf", "weird", "weird/in" };
static const char *const files[] = { "usr/lib/x.so", "usr/bin/dash",
	"usr/bin/mawk", "etc/passwd", "home/u/.cfg", "home/u/x/f", "weird/f" };
static const char *const links[][2] = {
	{ "usr/bin/sh", "dash" },
	{ "usr/bin/awk", "/etc/alternatives/awk" },
	{ "etc/alternatives/awk", "/usr/bin/mawk" },
	{ "usr/lib/up", ".." },
	{ "usr/lib/out", "../../../../.." },
	{ "usr/lib/abs", "/etc/passwd" },
	{ "usr/lib/etc", "/etc" },
	{ "usr/lib/loop", "loop" },
	{ "usr/lib/a", "b" },
	{ "usr/lib/b", "a" },
	{ "usr/lib/so", "x.so" },
	{ "usr/lib/sub/back", "../../lib/sub" },
	{ "home/u/dot", "." },
	{ "home/u/tmp", "/tmp" },
	{ "home/u/sh", "/bin/sh" },
	{ "home/u/grow", "/home/u/grow/x/y" },
	{ "home/u/cfg", ".cfg" },
	{ "home/u/none", "/nowhere/x" },
	{ "home/u/x/up2", "../../../etc/passwd" },
	{ "tmp/t", "../home/u" },
	{ "tmp/dotdot", ".." },
	{ "nonutf/\xfe", "/sp ace;%,/in" },
	{ "weird/in/back", "/d\xff\xfe" },
};

static char tree[PATH_MAX];
static int reffd[NPRE];		/* the reference's own descriptors */
static struct ref_path rp, rq;
static char ebuf[EXP_MAX + 1], cur[PATH_MAX], target[PATH_MAX];
static char joined[3 * PATH_MAX];

static int
remove_one(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	(void)remove(path);
	return (0);
}

static void
remove_tree(void)
{
	(void)nftw(tree, remove_one, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

/* The trees of runs that crashed, and so never removed theirs. */
static void
sweep(void)
{
	char path[PATH_MAX], *end;
	struct dirent *de;
	long pid;
	DIR *d;

	if ((d = opendir(FIXTURE_DIR)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, "pathmap.", 8) != 0)
			continue;
		pid = strtol(de->d_name + 8, &end, 10);
		if (*end != '\0' || pid <= 0 || (pid != getpid() &&
		    (kill((pid_t)pid, 0) == 0 || errno != ESRCH)))
			continue;
		(void)snprintf(path, sizeof(path), "%s/%s", FIXTURE_DIR,
		    de->d_name);
		(void)nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS |
		    FTW_MOUNT);
	}
	(void)closedir(d);
}

static void
setup(void)
{
	static struct manifest m;
	static char text[MF_POOL * 3 + 4096];
	const char *why;
	cap_rights_t r;
	int t, fd;

	sweep();
	(void)snprintf(tree, sizeof(tree), "%s/pathmap.%ld", FIXTURE_DIR,
	    (long)getpid());
	if (mkdir(tree, 0755) < 0)
		FAIL("mkdir %s: %s", tree, strerror(errno));
	atexit(remove_tree);
	if ((t = open(tree, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		FAIL("%s: %s", tree, strerror(errno));
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		if (mkdirat(t, dirs[i], 0755) < 0)
			FAIL("mkdir %s: %s", dirs[i], strerror(errno));
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		if ((fd = openat(t, files[i], O_CREAT | O_WRONLY | O_CLOEXEC,
		    0644)) < 0)
			FAIL("create %s: %s", files[i], strerror(errno));
		close(fd);
	}
	for (size_t i = 0; i < sizeof(links) / sizeof(links[0]); i++)
		if (symlinkat(links[i][1], t, links[i][0]) < 0)
			FAIL("symlink %s: %s", links[i][0], strerror(errno));
	/* A link whose target is nearly PATH_MAX long. */
	(void)snprintf(joined, sizeof(joined), "/usr/lib/sub");
	while (strlen(joined) + 3 < PATH_MAX - 8)
		strcat(joined, "/./");
	if (symlinkat(joined, t, "home/u/long") < 0)
		FAIL("symlink long: %s", strerror(errno));

	if (mf_add(&m, -1, 0, CWD0, NULL) < 0)
		abort();
	for (size_t i = 0; i < NPRE; i++) {
		int fl = O_CLOEXEC;

		if (preopens[i].kind == MF_ANCESTOR)
			fl |= O_PATH | O_DIRECTORY;
		else if (preopens[i].kind == MF_DIR_RO ||
		    preopens[i].kind == MF_DIR_RW)
			fl |= O_RDONLY | O_DIRECTORY;
		if ((fd = openat(t, preopens[i].real, fl)) < 0 ||
		    (reffd[i] = openat(t, preopens[i].real, O_PATH |
		    O_CLOEXEC)) < 0)
			FAIL("open %s: %s", preopens[i].real, strerror(errno));
		if (mf_add(&m, fd, preopens[i].kind, preopens[i].virt, NULL) <
		    0)
			abort();
	}
	cap_rights_init(&r, CAP_READ);
	if (mf_add(&m, 0, MF_FD, "", &r) < 0)
		abort();
	close(t);
	if (mf_encode(&m, text, sizeof(text)) < 0 || pm_init(text, &why) < 0)
		FAIL("pm_init: %s", why);
	if (pm_seal() < 0)
		FAIL("pm_seal: %s", strerror(errno));
}

/* What pm_map must give for normalised abs: a rule per entry kind. */
static void
check_loc(const struct pm_loc *loc, const char *abs, const char *path)
{
	const struct mf_entry *e = ref_lookup(pm_manifest(), abs);
	size_t el;
	const char *rel = loc->rel, *p;

	if (strcmp(loc->abs, abs) != 0)
		FAIL("%s: abs %s, reference %s", path, loc->abs, abs);
	if (loc->e != e || e == NULL || loc->dirfd != e->fd)
		FAIL("%s: entry %s, reference %s", path,
		    loc->e == NULL ? "none" : loc->e->path,
		    e == NULL ? "none" : e->path);
	if (loc->file != (e->kind == MF_FILE_RO || e->kind == MF_FILE_RW ||
	    e->kind == MF_ANCESTOR))
		FAIL("%s: file flag", path);
	if (loc->file) {
		if (rel[0] != '\0')
			FAIL("%s: remainder %s for a file", path, rel);
		return;
	}
	if (strcmp(abs, e->path) == 0) {
		if (strcmp(rel, ".") != 0)
			FAIL("%s: remainder %s for the entry itself", path, rel);
		return;
	}
	if (rel[0] == '\0' || rel[0] == '/')
		FAIL("%s: remainder \"%s\"", path, rel);
	for (p = rel;;) {
		const char *q = strchrnul(p, '/');
		size_t l = (size_t)(q - p);

		if (l == 0 || (l == 1 && p[0] == '.') ||
		    (l == 2 && p[0] == '.' && p[1] == '.'))
			FAIL("%s: remainder %s has an empty, . or .. part",
			    path, rel);
		if (*q == '\0')
			break;
		p = q + 1;
	}
	/* entry + "/" + rel is the whole path: beneath the entry. */
	el = strlen(e->path);
	if (strncmp(abs, e->path, el) != 0 || (el > 1 && abs[el] != '/') ||
	    strcmp(abs + (el > 1 ? el + 1 : 1), rel) != 0)
		FAIL("%s: %s is not %s + %s", path, abs, e->path, rel);
}

/* pm_map(path) against the reference; 0 when it mapped. */
static int
map_one(const char *path, struct pm_loc *loc)
{
	const char *cwd = pm_getcwd();
	int r = pm_map(path, loc), fits;

	if (path[0] == '\0') {
		if (r != -ENOENT)
			FAIL("pm_map(\"\"): %d", r);
		return (-1);
	}
	ref_normalise(&rp, cwd, path);
	fits = ref_fits(&rp);
	if (r == -ENAMETOOLONG && fits != 1)
		return (-1);
	if (fits == 0)
		FAIL("pm_map(%.100s...): %d, want ENAMETOOLONG (%zu bytes)",
		    path, r, rp.peak);
	if (ref_lookup(pm_manifest(), rp.s) == NULL) {
		if (r != -ECAPMODE)
			FAIL("pm_map(%s) = %d, nothing covers %s", path, r,
			    rp.s);
		return (-1);
	}
	if (r != 0)
		FAIL("pm_map(%s) = %d, the reference maps %s", path, r, rp.s);
	check_loc(loc, rp.s, path);
	return (0);
}

/* Is normalised virtual path p a symlink?  Its target into target. */
static bool
ref_readlink(const char *p)
{
	const struct manifest *m = pm_manifest();
	const struct mf_entry *e = ref_lookup(m, p);
	size_t el;
	ssize_t n;

	if (e == NULL || (e->kind != MF_DIR_RO && e->kind != MF_DIR_RW))
		return (false);
	el = strlen(e->path);
	if (strcmp(p, e->path) == 0)
		return (false);		/* a pre-open is never a link */
	n = readlinkat(reffd[e - m->e], p + (el > 1 ? el + 1 : 1), target,
	    sizeof(target) - 1);
	if (n < 0)
		return (false);
	target[n] = '\0';
	return (true);
}

/*
 * The reference pm_follow: rewrite the first link on the path, from the
 * left, by its target (lexically), until there is none.  0 with the
 * result in cur, -errno, or 1 when it is too close to PATH_MAX to say.
 */
static int
ref_follow(const char *abs, bool follow_last)
{
	int nlinks = 0;
	size_t i, l;

	strcpy(cur, abs);
again:
	for (i = 1, l = strlen(cur); i <= l && l > 1; i++) {
		if (cur[i] != '/' && cur[i] != '\0')
			continue;
		if (cur[i] == '\0' && !follow_last)
			break;
		memcpy(joined, cur, i);
		joined[i] = '\0';
		if (!ref_readlink(joined))
			continue;
		if (++nlinks > 40)
			return (-ELOOP);
		if (target[0] == '/')
			joined[0] = '\0';
		else
			*strrchr(joined, '/') = '\0';
		if (strlen(joined) + strlen(target) + strlen(cur + i) + 2 >=
		    sizeof(joined))
			return (1);
		strcat(joined, "/");
		strcat(joined, target);
		strcat(joined, cur + i);
		ref_normalise(&rq, "/", joined);
		if (ref_fits(&rq) != 1)
			return (ref_fits(&rq) == 0 ? -ENAMETOOLONG : 1);
		strcpy(cur, rq.s);
		goto again;
	}
	if (nlinks == 0)
		return (-ENOTCAPABLE);
	if (ref_lookup(pm_manifest(), cur) == NULL)
		return (-ECAPMODE);
	return (0);
}

static void
follow_one(const struct pm_loc *loc, bool follow_last)
{
	struct pm_loc l2;
	char abs[PATH_MAX];
	int r, want;

	memcpy(&l2, loc, sizeof(l2));
	strcpy(abs, loc->abs);
	r = pm_follow(&l2, follow_last);
	want = ref_follow(abs, follow_last);
	if (want == 1)
		return;
	if (r != want)
		FAIL("pm_follow(%s, %d) = %d, reference %d (%s)", abs,
		    follow_last, r, want, cur);
	if (r == 0)
		check_loc(&l2, cur, abs);
}

/* Expand "\1" K: the text since the last '/' K more times. */
static size_t
expand(const char *s, size_t len)
{
	size_t n = 0, seg = 0;

	for (size_t i = 0; i < len && n < EXP_MAX; i++) {
		if (s[i] == 1 && i + 1 < len) {
			size_t sl = n - seg, k = (unsigned char)s[++i];

			for (; k > 0 && n + sl <= EXP_MAX; k--, n += sl)
				memmove(ebuf + n, ebuf + seg, sl);
			continue;
		}
		if (s[i] == '/')
			seg = n;
		ebuf[n++] = s[i];
	}
	ebuf[n] = '\0';
	return (n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pm_loc loc;
	const char *p, *end;
	char *in;
	int flags, r;

	if (tree[0] == '\0')
		setup();
	if (size == 0)
		return (0);
	flags = data[0];
	if ((in = malloc(size)) == NULL)
		abort();
	memcpy(in, data + 1, size - 1);
	in[size - 1] = '\0';
	end = in + size - 1;

	if (pm_setcwd(CWD0) != 0 || strcmp(pm_getcwd(), CWD0) != 0)
		FAIL("pm_setcwd(%s)", CWD0);
	expand(in, strlen(in));
	if (ebuf[0] != '\0') {
		if ((flags & 4) != 0) {
			if (map_one(ebuf, &loc) == 0 &&
			    pm_setcwd(loc.abs) != 0)
				FAIL("pm_setcwd(%s)", loc.abs);
		} else {
			ref_normalise(&rp, pm_getcwd(), ebuf);
			r = pm_setcwd(rp.s);
			if ((r == 0) != (rp.len < PATH_MAX))
				FAIL("pm_setcwd(%zu bytes): %d", rp.len, r);
			if (r == 0 && strcmp(pm_getcwd(), rp.s) != 0)
				FAIL("pm_getcwd after pm_setcwd(%s)", rp.s);
		}
	}
	for (p = in + strlen(in) + 1; p < end; p += strlen(p) + 1) {
		expand(p, strlen(p));
		if (map_one(ebuf, &loc) == 0 && (flags & 1) != 0 && !loc.file)
			follow_one(&loc, (flags & 2) != 0);
	}
	free(in);
	return (0);
}
