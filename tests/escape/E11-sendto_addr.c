/* E11: sending a datagram to a global address through a socket created
 * before cap_enter (sendto with an address; sendmmsg). Refused by:
 * seccomp (sendto with a non-NULL address). Expect: ECAPMODE. */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include "esc.h"

struct ctx {
	int			udp, ud;
	int			pair[2];
	int			rx;	/* the outside receiver */
	struct sockaddr_in	sin;
	struct sockaddr_un	sun;
};

static int
attack(void *arg)
{
	struct ctx *c = arg;

	esc_enter();
	REFUSED(sendto(c->udp, "x", 1, 0, (struct sockaddr *)&c->sin,
	    sizeof(c->sin)), ECAPMODE);
	REFUSED(sendto(c->ud, "x", 1, 0, (struct sockaddr *)&c->sun,
	    sizeof(c->sun)), ECAPMODE);
	REFUSED(syscall(SYS_sendto, c->udp, "x", 1, 0, &c->sin,
	    sizeof(c->sin)), ECAPMODE);
	REFUSED(syscall(SYS_sendto, c->ud, "x", 1, 0, &c->sun,
	    sizeof(c->sun)), ECAPMODE);
	/* A connected pair needs no address and keeps working. */
	CONTROL(send(c->pair[0], "y", 1, 0));
	CONTROL(syscall(SYS_sendto, c->pair[0], "y", 1, 0, NULL, 0));
	return (esc_status());
}

int
main(void)
{
	struct ctx c;
	socklen_t len = sizeof(c.sin);
	char buf[4];
	int st;

	memset(&c, 0, sizeof(c));
	c.rx = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	c.sin.sin_family = AF_INET;
	c.sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CONTROL(bind(c.rx, (struct sockaddr *)&c.sin, sizeof(c.sin)));
	CONTROL(getsockname(c.rx, (struct sockaddr *)&c.sin, &len));
	c.udp = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	CONTROL(sendto(c.udp, "c", 1, 0, (struct sockaddr *)&c.sin,
	    sizeof(c.sin)));
	CONTROL(recv(c.rx, buf, sizeof(buf), 0));
	c.ud = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	c.sun.sun_family = AF_UNIX;
	snprintf(c.sun.sun_path, sizeof(c.sun.sun_path), "/tmp/capmode-e11-%d",
	    (int)getpid());
	CONTROL(socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, c.pair));
	st = esc_run(attack, &c, NULL);
	/* Nothing may have arrived at the receiver. */
	if (recv(c.rx, buf, sizeof(buf), MSG_DONTWAIT) > 0) {
		printf("#   ESCAPE: a datagram reached the receiver\n");
		st = ESC_ESCAPED;
	}
	return (esc_finish(st));
}
