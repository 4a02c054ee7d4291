/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * ldd.c - loader dependencies from PT_INTERP and DT_NEEDED
 *
 * Only what caprun needs to pre-open: the files, never their symbols.
 * The ELF file is read with pread(2); nothing is mapped or run (unlike
 * ldd(1), which runs the loader on the program).
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ldd.h"

#define MAX_LIBS	64

static const char *const std_dirs[] = {
	"/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64",
	"/usr/lib64", "/lib", "/usr/lib",
};

struct walk {
	char	*seen[MAX_LIBS];
	int	n;
	const unsigned char *cache;	/* /etc/ld.so.cache, mapped */
	size_t	cache_len;
	int	cache_tried;
	void	(*add)(const char *, void *);
	void	*arg;
};

static int
read_at(int fd, void *buf, size_t len, off_t off)
{
	return (pread(fd, buf, len, off) == (ssize_t)len ? 0 : -1);
}

/* File offset of virtual address va, through the PT_LOAD segments. */
static off_t
va_to_off(int fd, const Elf64_Ehdr *eh, Elf64_Addr va)
{
	Elf64_Phdr ph;

	for (int i = 0; i < eh->e_phnum; i++) {
		if (read_at(fd, &ph, sizeof(ph), (off_t)(eh->e_phoff +
		    (Elf64_Off)i * eh->e_phentsize)) < 0)
			return (-1);
		if (ph.p_type == PT_LOAD && va >= ph.p_vaddr &&
		    va < ph.p_vaddr + ph.p_filesz)
			return ((off_t)(ph.p_offset + (va - ph.p_vaddr)));
	}
	return (-1);
}

static int
seen(struct walk *w, const char *path)
{
	for (int i = 0; i < w->n; i++)
		if (strcmp(w->seen[i], path) == 0)
			return (1);
	return (0);
}

static void
record(struct walk *w, const char *path)
{
	char *dup;

	if (w->n >= MAX_LIBS || seen(w, path) || (dup = strdup(path)) == NULL)
		return;
	w->seen[w->n++] = dup;
	w->add(dup, w->arg);
}

static void	walk_file(struct walk *, const char *, int);

/* Try name in the directories of a ':'-list, $ORIGIN being origin. */
static int
find_in(struct walk *w, const char *list, const char *origin,
    const char *name, int depth)
{
	char dir[PATH_MAX], path[PATH_MAX];
	const char *p = list, *q;

	while (*p != '\0') {
		size_t l;

		q = strchr(p, ':');
		l = q == NULL ? strlen(p) : (size_t)(q - p);
		if (l < sizeof(dir)) {
			memcpy(dir, p, l);
			dir[l] = '\0';
			if (strncmp(dir, "$ORIGIN", 7) == 0 &&
			    (size_t)snprintf(path, sizeof(path), "%s%s", origin,
			    dir + 7) < sizeof(path))
				strcpy(dir, path);
			if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
			    name) < sizeof(path) && access(path, R_OK) == 0) {
				if (!seen(w, path)) {
					record(w, path);
					walk_file(w, path, depth + 1);
				}
				return (0);
			}
		}
		if (q == NULL)
			break;
		p = q + 1;
	}
	return (-1);
}

/*
 * ld.so.cache, glibc's "new" format (the only one written since 2.32):
 * a header, then entries whose key (soname) and value (path) are offsets
 * of strings from the start of the file.
 */
#define CACHE_MAGIC	"glibc-ld.so.cache1.1"
#define CACHE_HDR	48
#define CACHE_ENT	24
#define CACHE_X86_64	0x0303	/* FLAG_ELF_LIBC6 | FLAG_X8664_LIB64 */

/* The cache, read once per ldd_collect (it is a few tens of KiB). */
static const unsigned char *
cache_data(struct walk *w, size_t *len)
{
	struct stat st;
	void *p;
	int fd;

	if (w->cache == NULL && !w->cache_tried) {
		w->cache_tried = 1;
		if ((fd = open("/etc/ld.so.cache", O_RDONLY | O_CLOEXEC)) < 0)
			return (NULL);
		if (fstat(fd, &st) == 0 && st.st_size > CACHE_HDR &&
		    (p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE,
		    fd, 0)) != MAP_FAILED) {
			w->cache = p;
			w->cache_len = (size_t)st.st_size;
		}
		(void)close(fd);
	}
	*len = w->cache_len;
	return (w->cache);
}

static int
find_in_cache(struct walk *w, const char *name, int depth)
{
	const unsigned char *c;
	size_t len;
	uint32_t n, k, v;
	int32_t flags;

	if ((c = cache_data(w, &len)) == NULL ||
	    memcmp(c, CACHE_MAGIC, sizeof(CACHE_MAGIC) - 1) != 0)
		return (-1);
	memcpy(&n, c + 20, sizeof(n));
	for (uint32_t i = 0; i < n; i++) {
		size_t off = CACHE_HDR + (size_t)i * CACHE_ENT;

		if (off + CACHE_ENT > len)
			break;
		memcpy(&flags, c + off, sizeof(flags));
		memcpy(&k, c + off + 4, sizeof(k));
		memcpy(&v, c + off + 8, sizeof(v));
		if (flags != CACHE_X86_64 || k >= len || v >= len ||
		    memchr(c + k, '\0', len - k) == NULL ||
		    memchr(c + v, '\0', len - v) == NULL ||
		    strcmp((const char *)c + k, name) != 0 ||
		    access((const char *)c + v, R_OK) < 0)
			continue;
		if (!seen(w, (const char *)c + v)) {
			record(w, (const char *)c + v);
			walk_file(w, (const char *)c + v, depth + 1);
		}
		return (0);
	}
	return (-1);
}

static void
find_lib(struct walk *w, const char *name, const char *runpath,
    const char *origin, int depth)
{
	if (strchr(name, '/') != NULL) {
		record(w, name);
		return;
	}
	if (runpath != NULL && find_in(w, runpath, origin, name, depth) == 0)
		return;
	if (find_in_cache(w, name, depth) == 0)
		return;
	for (size_t i = 0; i < sizeof(std_dirs) / sizeof(std_dirs[0]); i++)
		if (find_in(w, std_dirs[i], origin, name, depth) == 0)
			return;
}

/* The dynamic section: DT_NEEDED names and the run path, from strtab. */
static void
walk_dynamic(struct walk *w, int fd, const Elf64_Ehdr *eh,
    const Elf64_Phdr *dyn, const char *path, int depth)
{
	Elf64_Dyn d;
	Elf64_Addr strva = 0;
	Elf64_Xword runpath = (Elf64_Xword)-1, needed[MAX_LIBS];
	char origin[PATH_MAX], rp[PATH_MAX], name[256], tmp[PATH_MAX];
	off_t stroff;
	int nn = 0;

	for (Elf64_Off o = 0; o + sizeof(d) <= dyn->p_filesz; o += sizeof(d)) {
		if (read_at(fd, &d, sizeof(d), (off_t)(dyn->p_offset + o)) < 0 ||
		    d.d_tag == DT_NULL)
			break;
		if (d.d_tag == DT_STRTAB)
			strva = d.d_un.d_ptr;
		else if (d.d_tag == DT_NEEDED && nn < MAX_LIBS)
			needed[nn++] = d.d_un.d_val;
		else if (d.d_tag == DT_RUNPATH || d.d_tag == DT_RPATH)
			runpath = d.d_un.d_val;
	}
	if (strva == 0 || (stroff = va_to_off(fd, eh, strva)) < 0)
		return;
	strcpy(tmp, path);
	strcpy(origin, dirname(tmp));
	rp[0] = '\0';
	if (runpath != (Elf64_Xword)-1 && pread(fd, rp, sizeof(rp) - 1,
	    stroff + (off_t)runpath) > 0)
		rp[strnlen(rp, sizeof(rp) - 1)] = '\0';
	for (int i = 0; i < nn; i++) {
		ssize_t r = pread(fd, name, sizeof(name) - 1, stroff +
		    (off_t)needed[i]);

		if (r <= 0)
			continue;
		name[r] = '\0';
		find_lib(w, name, rp[0] != '\0' ? rp : NULL, origin, depth);
	}
}

static void
walk_file(struct walk *w, const char *path, int depth)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	char interp[PATH_MAX];
	int fd;

	if (depth > 16 || (fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	if (read_at(fd, &eh, sizeof(eh), 0) < 0 ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
	    eh.e_ident[EI_CLASS] != ELFCLASS64) {
		(void)close(fd);
		return;
	}
	for (int i = 0; i < eh.e_phnum; i++) {
		if (read_at(fd, &ph, sizeof(ph), (off_t)(eh.e_phoff +
		    (Elf64_Off)i * eh.e_phentsize)) < 0)
			break;
		if (ph.p_type == PT_INTERP && ph.p_filesz < sizeof(interp) &&
		    read_at(fd, interp, ph.p_filesz, (off_t)ph.p_offset) == 0) {
			interp[ph.p_filesz] = '\0';
			record(w, interp);
		} else if (ph.p_type == PT_DYNAMIC)
			walk_dynamic(w, fd, &eh, &ph, path, depth);
	}
	(void)close(fd);
}

int
ldd_collect(const char *path, void (*add)(const char *, void *), void *arg)
{
	struct walk w = { .n = 0, .add = add, .arg = arg };

	if (access(path, R_OK) < 0)
		return (-1);
	walk_file(&w, path, 0);
	for (int i = 0; i < w.n; i++)
		free(w.seen[i]);
	if (w.cache != NULL)
		(void)munmap((void *)(uintptr_t)w.cache, w.cache_len);
	return (w.n);
}

int
ldd_is_static(const char *path)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	int fd, interp = 0;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return (0);
	if (read_at(fd, &eh, sizeof(eh), 0) < 0 ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0) {
		(void)close(fd);
		return (0);
	}
	for (int i = 0; i < eh.e_phnum && !interp; i++)
		if (read_at(fd, &ph, sizeof(ph), (off_t)(eh.e_phoff +
		    (Elf64_Off)i * eh.e_phentsize)) < 0 ||
		    ph.p_type == PT_INTERP)
			interp = 1;
	(void)close(fd);
	return (!interp);
}
