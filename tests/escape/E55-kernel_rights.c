/* E55: widening a descriptor limited to reading, after cap_enter, with raw
 * system calls the library never sees: write, pwrite, ftruncate, a shared
 * writable mmap, fcntl flags, and hard-linking the file into a held
 * directory to reopen it read-write there. Refused by: the kernel (the
 * descriptor was reopened O_RDONLY at cap_rights_limit) and Landlock
 * (refer: a link from outside the held tree into it). Expect: EBADF,
 * EINVAL, EACCES for the raw calls, ENOTCAPABLE through the library, EXDEV
 * (or ENOENT unprivileged) for the link. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

struct ctx {
	struct tree	*t;
	int		fd;	/* the outside secret, O_RDWR, then limited */
};

/* A shared writable mapping: -1 and errno, or 0 (and unmapped). */
static long
map_shared_rw(int fd)
{
	long p = syscall(SYS_mmap, NULL, 4096, PROT_READ | PROT_WRITE,
	    MAP_SHARED, fd, 0);

	if (p == -1)
		return (-1);
	munmap((void *)p, 4096);
	return (0);
}

static int
attack(void *arg)
{
	struct ctx *c = arg;
	int held = esc_open_held(c->t);
	cap_rights_t r;

	cap_rights_init(&r, CAP_READ, CAP_SEEK, CAP_FSTAT, CAP_MMAP_R);
	CONTROL(cap_rights_limit(c->fd, &r));
	CONTROL(fd_kernel_accmode(c->fd) == O_RDONLY ? 0 : -1);
	esc_enter();
	REFUSED(write(c->fd, "x", 1), ENOTCAPABLE);
	REFUSED(ftruncate(c->fd, 0), ENOTCAPABLE);
	REFUSED(syscall(SYS_write, c->fd, "x", 1), EBADF);
	REFUSED(syscall(SYS_pwrite64, c->fd, "x", 1, 0), EBADF);
	REFUSED(syscall(SYS_ftruncate, c->fd, 0), EINVAL);
	REFUSED(syscall(SYS_fallocate, c->fd, 0, 0, 4096), EBADF);
	REFUSED(map_shared_rw(c->fd), EACCES);
	/* Changing status flags does not change the access mode. */
	CONTROL(syscall(SYS_fcntl, c->fd, F_SETFL, O_APPEND));
	REFUSED(syscall(SYS_write, c->fd, "x", 1), EBADF);
	/* Link it beneath the held directory to reopen it there. */
	REFUSED2(syscall(SYS_linkat, c->fd, "", held, "relinked",
	    AT_EMPTY_PATH), EXDEV, esc_root() ? EACCES : ENOENT);
	REFUSED(syscall(SYS_openat, held, "relinked", O_RDWR), ENOENT);
	return (esc_status());
}

int
main(void)
{
	struct tree t;
	struct ctx c = { .t = &t };
	struct stat st;
	char path[PATH_MAX + 16];
	int status;

	if (landlock_abi() < 2)
		esc_skip("Landlock ABI < 2: links across directories are not "
		    "mediated on this kernel");
	esc_tree(&t);
	snprintf(path, sizeof(path), "%s/secret", t.base);
	c.fd = open(path, O_RDWR | O_CLOEXEC);
	CONTROL(c.fd);
	status = esc_run(attack, &c, NULL);
	if (stat(path, &st) != 0 || st.st_size != 7) {
		printf("#   ESCAPE: the secret was written\n");
		status = ESC_ESCAPED;
	}
	tree_remove(&t);
	return (esc_finish(status));
}
