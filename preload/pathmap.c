/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * pathmap.c - the shim's path map and virtual cwd
 *
 * Everything here runs in the constructor or may run in the SIGSYS
 * handler, so it neither allocates nor locks on the lookup path.  The map
 * lives in its own pages, made read-only once built: a bug or an attacker
 * in the program cannot add a directory to it.
 */
#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../libcap_mode/internal.h"
#include "../libcap_mode/sys.h"
#include "pathmap.h"

static struct manifest *map;		/* read-only after pm_seal() */
static size_t map_size;

/*
 * The virtual cwd: two buffers and an atomic pointer to the current one.
 * A chdir writes the other buffer and swaps, so a reader (even a signal
 * handler) always sees a complete string.  Writers are serialised by the
 * caller (chdir is rare; see unistd.c).
 */
static char cwdbuf[2][PATH_MAX];
static _Atomic(const char *) cwd;

int
pm_init(const char *text, const char **why)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);

	map_size = (sizeof(*map) + page - 1) / page * page;
	map = mmap(NULL, map_size, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED) {
		map = NULL;
		*why = "out of memory";
		return (-1);
	}
	if (mf_decode(map, text, why) < 0)
		return (-1);
	if (strlen(map->cwd) >= PATH_MAX) {
		*why = "cwd too long";
		return (-1);
	}
	strcpy(cwdbuf[0], map->cwd);
	atomic_store(&cwd, cwdbuf[0]);
	return (0);
}

int
pm_seal(void)
{
	return (mprotect(map, map_size, PROT_READ));
}

const struct manifest *
pm_manifest(void)
{
	return (map);
}

bool
pm_active(void)
{
	return (map != NULL);
}

const char *
pm_getcwd(void)
{
	return (atomic_load(&cwd));
}

int
pm_setcwd(const char *abs)
{
	const char *cur = atomic_load(&cwd);
	char *next = cur == cwdbuf[0] ? cwdbuf[1] : cwdbuf[0];
	size_t l = strlen(abs);

	if (l >= PATH_MAX)
		return (-ENAMETOOLONG);
	memcpy(next, abs, l + 1);
	atomic_store(&cwd, next);
	return (0);
}

int
pm_map(const char *path, struct pm_loc *loc)
{
	const struct mf_entry *e;
	const char *rest;
	int n;

	if (map == NULL)
		return (-ECAPMODE);
	if (path == NULL)
		return (-EFAULT);
	if (*path == '\0')
		return (-ENOENT);
	if ((n = mf_normalise(pm_getcwd(), path, loc->abs,
	    sizeof(loc->abs))) < 0)
		return (-ENAMETOOLONG);
	if ((e = mf_lookup(map, loc->abs, (size_t)n)) == NULL)
		return (-ECAPMODE);
	loc->e = e;
	loc->dirfd = e->fd;
	loc->file = e->kind == MF_FILE_RO || e->kind == MF_FILE_RW ||
	    e->kind == MF_ANCESTOR;
	rest = loc->abs + e->len;
	while (*rest == '/')
		rest++;
	if (loc->file)
		loc->rel[0] = '\0';
	else if (*rest == '\0')
		strcpy(loc->rel, ".");
	else
		strcpy(loc->rel, rest);
	return (0);
}

/*
 * The target of prefix if it is a symbolic link beneath a pre-open.  No
 * errno: the SIGSYS handler calls this.
 */
static long
link_target(const char *prefix, char *target, size_t len)
{
	struct pm_loc scratch;
	char last[CM_NAME_MAX + 1];
	bool own;
	long fd, r;

	if (pm_map(prefix, &scratch) < 0 || scratch.file)
		return (-EINVAL);	/* above the pre-opens nothing is a link */
	fd = cm_locate(scratch.dirfd, scratch.rel, false, last, &own);
	if (fd < 0)
		return (fd);
	r = cm_sc4(SYS_readlinkat, fd, last, target, len - 1);
	if (own)
		cm_close((int)fd);
	if (r >= 0)
		target[r] = '\0';
	return (r);
}

int
pm_follow(struct pm_loc *loc, bool follow_last)
{
	char cur[PATH_MAX], prefix[PATH_MAX], target[PATH_MAX];
	char joined[2 * PATH_MAX + 2];
	size_t i, p, l;
	int links = 0;

	strcpy(cur, loc->abs);
	for (i = 1;; i++) {
		if (cur[i] != '/' && cur[i] != '\0')
			continue;
		if (cur[i] == '\0' && !follow_last)
			break;
		memcpy(prefix, cur, i);
		prefix[i] = '\0';
		if (link_target(prefix, target, sizeof(target)) < 0) {
			if (cur[i] == '\0')
				break;
			continue;
		}
		if (++links > 40)
			return (-ELOOP);
		for (p = i; p > 0 && prefix[p - 1] != '/'; p--)
			;
		prefix[p] = '\0';
		l = strlen(target[0] == '/' ? "" : prefix) + strlen(target) +
		    strlen(cur + i);
		if (l >= sizeof(joined))
			return (-ENAMETOOLONG);
		strcpy(joined, target[0] == '/' ? "" : prefix);
		strcat(joined, target);
		strcat(joined, cur + i);
		if (mf_normalise("/", joined, cur, sizeof(cur)) < 0)
			return (-ENAMETOOLONG);
		i = 0;
	}
	if (links == 0)
		return (-ENOTCAPABLE);
	return (pm_map(cur, loc));
}

static size_t
append(char *buf, size_t n, size_t len, const char *s)
{
	while (*s != '\0' && n + 1 < len)
		buf[n++] = *s++;
	buf[n] = '\0';
	return (n);
}

static const char *
reason(int err)
{
	switch (err) {
	case ECAPMODE:
		return ("no pre-opened directory covers it");
	case ENOTCAPABLE:
		return ("outside its pre-opened directory, or not allowed by "
		    "its rights");
	case EACCES:
	case EPERM:
		return ("refused by the kernel's Landlock domain");
	default:
		return (NULL);
	}
}

void
pm_explain(const char *op, const char *path, int err)
{
	char line[PATH_MAX + 128];
	const char *why = reason(err);
	size_t n = 0;

	if (map == NULL || (map->flags & MF_VERBOSE) == 0 || why == NULL)
		return;
	n = append(line, n, sizeof(line), "caprun: denied: ");
	n = append(line, n, sizeof(line), op);
	n = append(line, n, sizeof(line), " ");
	n = append(line, n, sizeof(line), path == NULL ? "(null)" : path);
	n = append(line, n, sizeof(line), " (");
	n = append(line, n, sizeof(line), why);
	n = append(line, n, sizeof(line), ")\n");
	(void)cm_sc3(SYS_write, STDERR_FILENO, line, n);	/* no errno */
}
