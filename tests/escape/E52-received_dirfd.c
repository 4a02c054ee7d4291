/* E52: a directory descriptor received over SCM_RIGHTS after cap_enter
 * (from a process outside) used to reach beyond the held trees. It lies
 * outside the Landlock domain. Refused by: Landlock (raw and library
 * opens beneath it, and ".." from it). Expect: EACCES. Regular files
 * received the same way stay usable (control). */
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "esc.h"

struct ctx {
	struct tree	*t;
	int		sv[2];
	int		base, file;	/* the parent's; closed in the child */
};

static int
send_fd(int sock, int fd)
{
	char c = 'f', buf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &c, 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = buf, .msg_controllen = sizeof(buf) };
	struct cmsghdr *cm;

	memset(buf, 0, sizeof(buf));
	cm = CMSG_FIRSTHDR(&m);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &fd, sizeof(int));
	return (sendmsg(sock, &m, 0) == 1 ? 0 : -1);
}

static int
recv_fd(int sock)
{
	char c, buf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &c, 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = buf, .msg_controllen = sizeof(buf) };
	struct cmsghdr *cm;
	int fd;

	if (recvmsg(sock, &m, 0) != 1)
		return (-1);
	cm = CMSG_FIRSTHDR(&m);
	if (cm == NULL || cm->cmsg_type != SCM_RIGHTS)
		return (-1);
	memcpy(&fd, CMSG_DATA(cm), sizeof(int));
	return (fd);
}

static int
attack(void *arg)
{
	struct ctx *c = arg;
	char b[8];
	int dir, file;

	(void)esc_open_held(c->t);
	/* Held at cap_enter, base would be in the domain: not held. */
	close(c->base);
	close(c->file);
	close(c->sv[0]);
	esc_enter();
	dir = recv_fd(c->sv[1]);
	file = recv_fd(c->sv[1]);
	CONTROL(dir);
	CONTROL(file);
	CONTROL(read(file, b, sizeof(b)));
	REFUSED(syscall(SYS_openat, dir, "secret", O_RDONLY), EACCES);
	REFUSED(syscall(SYS_openat, dir, "..", O_RDONLY | O_DIRECTORY), EACCES);
	REFUSED(syscall(SYS_openat, dir, "new", O_WRONLY | O_CREAT, 0600),
	    EACCES);
	REFUSED(openat(dir, "secret", O_RDONLY), EACCES);
	return (esc_status());
}

int
main(void)
{
	struct tree t;
	struct ctx c = { .t = &t };
	if (landlock_abi() < 1)
		esc_skip("no Landlock on this kernel");
	esc_tree(&t);
	CONTROL(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, c.sv));
	c.base = open(t.base, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	c.file = openat(c.base, "secret", O_RDONLY | O_CLOEXEC);
	CONTROL(send_fd(c.sv[0], c.base));
	CONTROL(send_fd(c.sv[0], c.file));
	return (esc_finish(esc_run(attack, &c, &t)));
}
