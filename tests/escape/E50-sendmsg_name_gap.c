/* E50: sendmsg with msg_name on an unconnected datagram socket held at
 * cap_enter, to a path-bound unix socket or a UDP port outside. The
 * address is in memory, where seccomp cannot look; Landlock scopes only
 * abstract unix sockets and TCP. Documented gap: this case skips with the
 * reason when the datagram gets through, and passes if it is refused.
 * Expect: refusal where possible (ECAPMODE or EPERM). */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "esc.h"

struct ctx {
	int			udp, rx;
	struct sockaddr_in	sin;
};

static int
attack(void *arg)
{
	struct ctx *c = arg;
	struct iovec iov = { (void *)"x", 1 };
	struct msghdr m = { .msg_name = &c->sin, .msg_namelen = sizeof(c->sin),
		.msg_iov = &iov, .msg_iovlen = 1 };
	long r;

	esc_enter();
	errno = 0;
	r = syscall(SYS_sendmsg, c->udp, &m, 0);
	if (r >= 0)
		esc_skip("known gap: sendmsg with msg_name on an inherited "
		    "unconnected datagram socket cannot be filtered (seccomp "
		    "cannot read msg_name; Landlock has no UDP rules)");
	REFUSED2(r, ECAPMODE, EPERM);
	return (esc_status());
}

int
main(void)
{
	struct ctx c;
	socklen_t len = sizeof(c.sin);

	memset(&c, 0, sizeof(c));
	c.rx = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	c.sin.sin_family = AF_INET;
	c.sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CONTROL(bind(c.rx, (struct sockaddr *)&c.sin, sizeof(c.sin)));
	CONTROL(getsockname(c.rx, (struct sockaddr *)&c.sin, &len));
	c.udp = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	CONTROL(c.udp);
	return (esc_finish(esc_run(attack, &c, NULL)));
}
