/* E12: TCP Fast Open, which connects a TCP socket from sendmsg/sendto
 * (MSG_FASTOPEN) with no connect(2) call. Refused by: seccomp
 * (MSG_FASTOPEN in sendmsg/sendmmsg flags, any address in sendto), and
 * Landlock (ABI 4, TCP connect). Expect: ECAPMODE. */
#include <netinet/in.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

#ifndef MSG_FASTOPEN
#define MSG_FASTOPEN	0x20000000
#endif

struct ctx {
	int			tcp, lis;
	struct sockaddr_in	sin;
};

static int
attack(void *arg)
{
	struct ctx *c = arg;
	struct iovec iov = { (void *)"x", 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
		.msg_name = &c->sin, .msg_namelen = sizeof(c->sin) };
	struct msghdr bare = { .msg_iov = &iov, .msg_iovlen = 1 };
	struct mmsghdr mm = { .msg_hdr = m };

	esc_enter();
	REFUSED(sendmsg(c->tcp, &m, MSG_FASTOPEN), ECAPMODE);
	REFUSED(sendto(c->tcp, "x", 1, MSG_FASTOPEN, (struct sockaddr *)&c->sin,
	    sizeof(c->sin)), ECAPMODE);
	REFUSED(syscall(SYS_sendmsg, c->tcp, &m, MSG_FASTOPEN), ECAPMODE);
	REFUSED(syscall(SYS_sendmsg, c->tcp, &bare, MSG_FASTOPEN), ECAPMODE);
	REFUSED(syscall(SYS_sendto, c->tcp, "x", 1, MSG_FASTOPEN, &c->sin,
	    sizeof(c->sin)), ECAPMODE);
	REFUSED(syscall(SYS_sendmmsg, c->tcp, &mm, 1, MSG_FASTOPEN), ECAPMODE);
	/* Flags with high bits: only the low 32 count. */
	REFUSED(syscall(SYS_sendmsg, c->tcp, &m,
	    0xffffffff00000000UL | MSG_FASTOPEN), ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	struct ctx c;
	socklen_t len = sizeof(c.sin);
	int st, a;

	memset(&c, 0, sizeof(c));
	c.lis = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	c.sin.sin_family = AF_INET;
	c.sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CONTROL(bind(c.lis, (struct sockaddr *)&c.sin, sizeof(c.sin)));
	CONTROL(listen(c.lis, 4));
	CONTROL(getsockname(c.lis, (struct sockaddr *)&c.sin, &len));
	c.tcp = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	CONTROL(c.tcp);
	st = esc_run(attack, &c, NULL);
	/* No connection may have reached the listener. */
	(void)fcntl(c.lis, F_SETFL, O_NONBLOCK);
	a = accept(c.lis, NULL, NULL);
	if (a >= 0) {
		printf("#   ESCAPE: the listener accepted a connection\n");
		st = ESC_ESCAPED;
	}
	return (esc_finish(st));
}
