/* E40: making a device node inside the held directory (as root: the
 * block device of the filesystem, or /dev/mem's char device) and opening
 * it, which reads every file of the disk. FreeBSD cannot make device nodes
 * outside devfs at all. Refused by: seccomp (mknodat mode: fifos, sockets
 * and regular files only), Landlock (make_block/make_char) behind it.
 * Expect: ECAPMODE (EACCES from Landlock accepted as a refusal). */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "esc.h"

static int
attack(void *arg)
{
	struct tree *t = arg;
	int held = esc_open_held(t);
	struct stat st;
	long r;
	int e;
	char buf[512];

	if (fstat(held, &st) != 0)
		return (ESC_WRONG);
	esc_enter();
	if (major(st.st_dev) != 0) {
		r = syscall(SYS_mknodat, held, "disk", S_IFBLK | 0600,
		    st.st_dev);
		e = errno;
		if (r == 0) {
			long fd = syscall(SYS_openat, held, "disk", O_RDONLY);

			esc_note("ESCAPE: block device %u:%u made in the held "
			    "directory", major(st.st_dev), minor(st.st_dev));
			if (fd >= 0 && syscall(SYS_read, fd, buf,
			    sizeof(buf)) == (long)sizeof(buf))
				esc_note("ESCAPE: and the raw disk is readable");
			else
				esc_note("the node could not be read: %s",
				    errno_name(errno));
		}
		esc_refused2("mknodat(held, \"disk\", S_IFBLK, st_dev)", r, e,
		    ECAPMODE, EACCES);
	}
	r = syscall(SYS_mknodat, held, "mem", S_IFCHR | 0600, makedev(1, 1));
	e = errno;
	if (r == 0)
		esc_note("ESCAPE: /dev/mem's char device made");
	esc_refused2("mknodat(held, \"mem\", S_IFCHR, 1:1)", r, e, ECAPMODE,
	    EACCES);
	REFUSED2(mknodat(held, "null", S_IFCHR | 0600, makedev(1, 3)),
	    ECAPMODE, EACCES);
	REFUSED2(syscall(SYS_mknodat, held, "blk", S_IFBLK | 0600,
	    makedev(7, 0)), ECAPMODE, EACCES);
	/* The type field with high bits set is still a device. */
	REFUSED2(syscall(SYS_mknodat, held, "hi", 0xffff0000UL | S_IFCHR |
	    0600, makedev(1, 3)), ECAPMODE, EACCES);
	/* FIFOs and regular files are not devices. */
	CONTROL(syscall(SYS_mknodat, held, "fifo", S_IFIFO | 0600, 0));
	return (esc_status());
}

int
main(void)
{
	struct tree t;

	esc_tree(&t);
	return (esc_finish(esc_run(attack, &t, &t)));
}
