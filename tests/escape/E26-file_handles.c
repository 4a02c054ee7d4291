/* E26: file handles (name_to_handle_at, open_by_handle_at): a handle opens
 * any inode of a mounted filesystem given any descriptor on it, the
 * "shocker" container escape. Refused by: seccomp. Expect: ECAPMODE. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

struct ctx {
	int			held;
	struct file_handle	*fh;
};

static int
attack(void *arg)
{
	struct ctx *c = arg;
	int mnt;

	esc_enter();
	REFUSED(open_by_handle_at(c->held, c->fh, O_RDONLY), ECAPMODE);
	REFUSED(syscall(SYS_open_by_handle_at, c->held, c->fh, O_RDONLY),
	    ECAPMODE);
	REFUSED(name_to_handle_at(c->held, "../secret", c->fh, &mnt, 0),
	    ECAPMODE);
	REFUSED(syscall(SYS_name_to_handle_at, c->held, "inside", c->fh, &mnt,
	    0), ECAPMODE);
	REFUSED(syscall(SYS_name_to_handle_at, AT_FDCWD, "/etc/passwd", c->fh,
	    &mnt, 0), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	struct tree t;
	struct ctx c;
	int mnt, base;

	esc_tree(&t);
	c.held = esc_open_held(&t);
	c.fh = malloc(sizeof(*c.fh) + 128);
	c.fh->handle_bytes = 128;
	base = open(t.base, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	/* A real handle of the secret outside the held directory. */
	CONTROL(name_to_handle_at(base, "secret", c.fh, &mnt, 0));
	{
		int st = esc_run(attack, &c, &t);

		free(c.fh);
		return (esc_finish(st));
	}
}
