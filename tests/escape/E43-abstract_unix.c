/* E43: reaching an abstract unix socket of a process outside the sandbox
 * through an unconnected datagram socket held at cap_enter: sendto with
 * the address is refused by seccomp; sendmsg with msg_name cannot be
 * filtered (the address is in memory), and is refused by Landlock's
 * abstract unix socket scope (ABI 6). Expect: ECAPMODE for sendto and
 * connect, EPERM for sendmsg. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include "esc.h"

struct ctx {
	int			tx, rx;
	struct sockaddr_un	abs;
	socklen_t		alen;
};

static int
attack(void *arg)
{
	struct ctx *c = arg;
	struct iovec iov = { (void *)"x", 1 };
	struct msghdr m = { .msg_name = &c->abs, .msg_namelen = c->alen,
		.msg_iov = &iov, .msg_iovlen = 1 };

	esc_enter();
	REFUSED(sendto(c->tx, "x", 1, 0, (struct sockaddr *)&c->abs, c->alen),
	    ECAPMODE);
	REFUSED(syscall(SYS_connect, c->tx, &c->abs, c->alen), ECAPMODE);
	REFUSED(sendmsg(c->tx, &m, 0), EPERM);
	REFUSED(syscall(SYS_sendmsg, c->tx, &m, 0), EPERM);
	return (esc_status());
}

int
main(void)
{
	struct ctx c;
	char buf[4];
	int st;

	if (landlock_abi() < 6)
		esc_skip("Landlock ABI < 6: abstract unix sockets are not "
		    "scoped on this kernel");
	memset(&c, 0, sizeof(c));
	c.abs.sun_family = AF_UNIX;
	snprintf(c.abs.sun_path + 1, sizeof(c.abs.sun_path) - 1,
	    "capmode-e43-%d", (int)getpid());
	c.alen = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 +
	    strlen(c.abs.sun_path + 1));
	c.rx = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	CONTROL(bind(c.rx, (struct sockaddr *)&c.abs, c.alen));
	c.tx = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	CONTROL(sendto(c.tx, "c", 1, 0, (struct sockaddr *)&c.abs, c.alen));
	CONTROL(recv(c.rx, buf, sizeof(buf), 0));
	st = esc_run(attack, &c, NULL);
	if (recv(c.rx, buf, sizeof(buf), MSG_DONTWAIT) > 0) {
		printf("#   ESCAPE: a datagram reached the outside socket\n");
		st = ESC_ESCAPED;
	}
	return (esc_finish(st));
}
