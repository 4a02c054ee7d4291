/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * df.c - report file system space usage
 *
 * usage: df [-ahikT] [FILE]...
 *
 * Show information about the file system on which each FILE resides, or
 * all file systems by default.
 *
 *   -a, --all             include pseudo and duplicate file systems
 *   -h, --human-readable  print sizes in powers of 1024 (e.g., 1023M)
 *   -i, --inodes          list inode information instead of block usage
 *   -k                    like --block-size=1K
 *   -T, --print-type      print file system type
 *
 * Not supported (an error, never ignored): -l, --local, -P, --portability,
 * -t, --type, -x, --exclude-type, -B, --block-size, --output, --total,
 * -H, --si, --sync.
 *
 * The mount table is read and each FILE (or each mount point) opened
 * before capability mode; the numbers then come from fstatfs on those
 * descriptors.
 */
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>

#include "capbox.h"
#include "cb_fs.h"

APPLET(df, 1, 0)

static const char optstr[] = "ahikTlPt:x:B:H";
enum { OPT_OUTPUT = 256, OPT_TOTAL, OPT_SI, OPT_SYNC };
static const struct option longopts[] = {
	{ "all", no_argument, NULL, 'a' },
	{ "human-readable", no_argument, NULL, 'h' },
	{ "inodes", no_argument, NULL, 'i' },
	{ "print-type", no_argument, NULL, 'T' },
	{ "local", no_argument, NULL, 'l' },
	{ "portability", no_argument, NULL, 'P' },
	{ "type", required_argument, NULL, 't' },
	{ "exclude-type", required_argument, NULL, 'x' },
	{ "block-size", required_argument, NULL, 'B' },
	{ "output", optional_argument, NULL, OPT_OUTPUT },
	{ "total", no_argument, NULL, OPT_TOTAL },
	{ "si", no_argument, NULL, OPT_SI },
	{ "sync", no_argument, NULL, OPT_SYNC },
	{ NULL, 0, NULL, 0 },
};

static struct {
	bool	all, human, inodes, type;
} opt;

struct mnt {
	dev_t	dev;
	char	*dir, *type, *src;
};

struct row {
	const char	*src, *type, *dir;
	char		f[4][32];	/* size used avail pcent */
};

#define NCOL	7

/* Undo the \040-style escapes of /proc/self/mountinfo. */
static char *
unescape(const char *s)
{
	char *d = strdup(s), *p;

	if (d == NULL)
		cb_err(1, "strdup");
	for (p = d; *s != '\0'; p++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' &&
		    s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			*p = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 +
			    (s[3] - '0'));
			s += 4;
		} else
			*p = *s++;
	}
	*p = '\0';
	return (d);
}

static size_t
read_mounts(struct mnt **vp)
{
	FILE *f = fopen("/proc/self/mountinfo", "re");
	char *line = NULL, *tok[12], *save, *dash;
	size_t cap = 0, n = 0, vcap = 0;
	unsigned int ma, mi;
	int k;

	*vp = NULL;
	if (f == NULL)
		return (0);
	while (getline(&line, &cap, f) > 0) {
		if ((dash = strstr(line, " - ")) == NULL)
			continue;
		*dash = '\0';
		for (k = 0, save = NULL, tok[0] = strtok_r(line, " ", &save);
		    tok[k] != NULL && k < 5; tok[++k] = strtok_r(NULL, " ",
		    &save))
			;
		if (k < 5 || sscanf(tok[2], "%u:%u", &ma, &mi) != 2)
			continue;
		tok[6] = strtok_r(dash + 3, " \n", &save);
		tok[7] = strtok_r(NULL, " \n", &save);
		if (tok[6] == NULL || tok[7] == NULL)
			continue;
		if (n == vcap) {
			vcap = vcap ? vcap * 2 : 32;
			if ((*vp = realloc(*vp, vcap * sizeof(**vp))) == NULL)
				cb_err(1, "realloc");
		}
		(*vp)[n].dev = makedev(ma, mi);
		(*vp)[n].dir = unescape(tok[4]);
		(*vp)[n].type = unescape(tok[6]);
		(*vp)[n].src = unescape(tok[7]);
		n++;
	}
	free(line);
	(void)fclose(f);
	return (n);
}

/* The mount a file is on: same device, longest mount point prefix. */
static const struct mnt *
find_mount(const struct mnt *v, size_t n, dev_t dev, const char *real)
{
	const struct mnt *best = NULL;
	size_t i, bl = 0, l;

	for (i = 0; i < n; i++) {
		if (v[i].dev != dev)
			continue;
		l = strlen(v[i].dir);
		if (real != NULL && strncmp(real, v[i].dir, l) == 0 &&
		    (real[l] == '/' || real[l] == '\0' || l == 1) &&
		    (best == NULL || l >= bl)) {
			best = &v[i];
			bl = l;
		} else if (best == NULL || (real == NULL && l <= bl))
			best = &v[i], bl = real == NULL ? l : 0;
	}
	return (best);
}

static void
fmt_num(uintmax_t bytes, char buf[32])
{
	if (opt.human)
		(void)cb_human(bytes, CB_HUMAN_1024, buf);
	else
		(void)snprintf(buf, 32, "%ju", (bytes + 1023) / 1024);
}

static void
fmt_pct(uintmax_t used, uintmax_t total, char buf[32])
{
	if (total == 0)
		(void)snprintf(buf, 32, "-");
	else
		(void)snprintf(buf, 32, "%ju%%", (used * 100 + total - 1) /
		    total);
}

static void
fill_row(struct row *r, const struct statfs *sf)
{
	uintmax_t bs = (uintmax_t)(sf->f_frsize ? sf->f_frsize : sf->f_bsize);
	uintmax_t used, avail;

	if (opt.inodes) {
		used = (uintmax_t)(sf->f_files - sf->f_ffree);
		(void)snprintf(r->f[0], 32, "%ju", (uintmax_t)sf->f_files);
		(void)snprintf(r->f[1], 32, "%ju", used);
		(void)snprintf(r->f[2], 32, "%ju", (uintmax_t)sf->f_ffree);
		fmt_pct(used, (uintmax_t)sf->f_files, r->f[3]);
		return;
	}
	used = (uintmax_t)(sf->f_blocks - sf->f_bfree) * bs;
	avail = (uintmax_t)sf->f_bavail * bs;
	fmt_num((uintmax_t)sf->f_blocks * bs, r->f[0]);
	fmt_num(used, r->f[1]);
	fmt_num(avail, r->f[2]);
	fmt_pct(used, used + avail, r->f[3]);
}

static void
print_rows(const struct row *v, size_t n)
{
	const char *hdr[NCOL] = { "Filesystem", "Type",
	    opt.inodes ? "Inodes" : opt.human ? "Size" : "1K-blocks",
	    opt.inodes ? "IUsed" : "Used", opt.inodes ? "IFree" :
	    opt.human ? "Avail" : "Available", opt.inodes ? "IUse%" : "Use%",
	    "Mounted on" };
	int w[NCOL] = { 14, 4, 5, 5, 5, 4, 0 };
	size_t i;
	int k;

	for (k = 0; k < NCOL; k++)
		if ((int)strlen(hdr[k]) > w[k])
			w[k] = (int)strlen(hdr[k]);
	for (i = 0; i < n; i++) {
		if ((int)strlen(v[i].src) > w[0])
			w[0] = (int)strlen(v[i].src);
		if ((int)strlen(v[i].type) > w[1])
			w[1] = (int)strlen(v[i].type);
		for (k = 0; k < 4; k++)
			if ((int)strlen(v[i].f[k]) > w[k + 2])
				w[k + 2] = (int)strlen(v[i].f[k]);
	}
	printf("%-*s ", w[0], hdr[0]);
	if (opt.type)
		printf("%-*s ", w[1], hdr[1]);
	for (k = 2; k < 6; k++)
		printf("%*s ", w[k], hdr[k]);
	printf("%s\n", hdr[6]);
	for (i = 0; i < n; i++) {
		printf("%-*s ", w[0], v[i].src);
		if (opt.type)
			printf("%-*s ", w[1], v[i].type);
		for (k = 0; k < 4; k++)
			printf("%*s ", w[k + 2], v[i].f[k]);
		printf("%s\n", v[i].dir);
	}
}

static void
parse(int argc, char *argv[])
{
	int c;

	while ((c = getopt_long(argc, argv, optstr, longopts, NULL)) != -1) {
		switch (c) {
		case 'a':
			opt.all = true;
			break;
		case 'h':
			opt.human = true;
			break;
		case 'H':
			cb_unsupported("--si");
		case 'i':
			opt.inodes = true;
			break;
		case 'k':
			opt.human = false;
			break;
		case 'T':
			opt.type = true;
			break;
		case 'l':
			cb_unsupported("--local");
		case 'P':
			cb_unsupported("--portability");
		case 't':
			cb_unsupported("--type");
		case 'x':
			cb_unsupported("--exclude-type");
		case 'B':
			cb_unsupported("--block-size");
		case OPT_OUTPUT:
			cb_unsupported("--output");
		case OPT_TOTAL:
			cb_unsupported("--total");
		case OPT_SI:
			cb_unsupported("--si");
		case OPT_SYNC:
			cb_unsupported("--sync");
		default:
			cb_usage();
		}
	}
}

struct target {
	const char	*arg;
	int		fd, err;
	const struct mnt *m;
};

/* Before capability mode: each operand, or each mount point, as an fd. */
static size_t
open_targets(struct target *t, char **names, int n, const struct mnt *mv,
    size_t nm)
{
	struct stat st;
	char *real;
	size_t i, k = 0;

	if (n == 0) {
		for (i = 0; i < nm; i++) {
			t[k].arg = mv[i].dir;
			t[k].m = &mv[i];
			if ((t[k].fd = open(mv[i].dir, O_PATH | O_CLOEXEC)) >= 0)
				k++;
		}
		return (k);
	}
	for (i = 0; i < (size_t)n; i++, k++) {
		t[k].arg = names[i];
		t[k].m = NULL;
		if ((t[k].fd = cb_open_operand(names[i], O_PATH, 0)) < 0 ||
		    fstat(t[k].fd, &st) < 0) {
			t[k].err = errno;
			continue;
		}
		real = cb_devfd(names[i]) < 0 && !cb_base_in_root() &&
		    cb_base_fd() == AT_FDCWD ? realpath(names[i], NULL) : NULL;
		t[k].m = find_mount(mv, nm, st.st_dev, real);
		free(real);
	}
	return (k);
}

int
df_main(int argc, char *argv[])
{
	struct mnt *mv;
	struct target *t;
	struct row *rows;
	struct statfs sf;
	cap_rights_t r;
	size_t nm, nt, i, nr = 0, j;
	int n, rval = 0;

	parse(argc, argv);
	cb_fs_stdio(argv + optind, argc - optind);
	n = argc - optind;
	nm = read_mounts(&mv);
	if ((t = calloc(n > 0 ? (size_t)n : nm + 1, sizeof(*t))) == NULL ||
	    (rows = calloc(n > 0 ? (size_t)n : nm + 1, sizeof(*rows))) == NULL)
		cb_err(1, "calloc");
	nt = open_targets(t, argv + optind, n, mv, nm);
	cap_rights_init(&r, CAP_FSTATFS, CAP_FSTAT);
	for (i = 0; i < nt; i++)
		if (t[i].fd >= 0)
			cb_limit_rights(t[i].fd, &r, t[i].arg);
	cb_enter();
	for (i = 0; i < nt; i++) {
		if (t[i].fd < 0 || fstatfs(t[i].fd, &sf) < 0) {
			errno = t[i].fd < 0 ? t[i].err : errno;
			cb_warn("%s", cb_quotef(t[i].arg));
			rval = 1;
			continue;
		}
		if (n == 0 && !opt.all) {
			/* Pseudo file systems and second mounts are hidden. */
			for (j = 0; j < nr; j++)
				if (t[j].m != NULL && t[i].m != NULL &&
				    t[j].m->dev == t[i].m->dev)
					break;
			if (sf.f_blocks == 0 || j < nr)
				continue;
		}
		rows[nr].src = t[i].m ? t[i].m->src : "-";
		rows[nr].type = t[i].m ? t[i].m->type : "-";
		rows[nr].dir = t[i].m ? t[i].m->dir : "-";
		fill_row(&rows[nr], &sf);
		if (n == 0)
			t[nr] = t[i];
		nr++;
	}
	if (nr > 0)
		print_rows(rows, nr);
	else if (n == 0) {
		cb_warnx("no file systems processed");
		rval = 1;
	}
	return (cb_finish(rval));
}
