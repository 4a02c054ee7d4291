/* E09: connecting a socket created before cap_enter to a global address
 * (TCP, UDP, unix path, abstract unix). Refused by: seccomp (connect), and
 * TCP also by Landlock (ABI 4). Expect: ECAPMODE. */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include "esc.h"

struct socks {
	int			tcp, udp, unx;
	struct sockaddr_in	sin;
	struct sockaddr_un	sun, abs;
};

static int
attack(void *arg)
{
	struct socks *s = arg;

	esc_enter();
	REFUSED(connect(s->tcp, (struct sockaddr *)&s->sin, sizeof(s->sin)),
	    ECAPMODE);
	REFUSED(connect(s->udp, (struct sockaddr *)&s->sin, sizeof(s->sin)),
	    ECAPMODE);
	REFUSED(connect(s->unx, (struct sockaddr *)&s->sun, sizeof(s->sun)),
	    ECAPMODE);
	REFUSED(connect(s->unx, (struct sockaddr *)&s->abs, sizeof(s->abs)),
	    ECAPMODE);
	REFUSED(syscall(SYS_connect, s->tcp, &s->sin, sizeof(s->sin)),
	    ECAPMODE);
	REFUSED(syscall(SYS_connect, s->udp, &s->sin, sizeof(s->sin)),
	    ECAPMODE);
	REFUSED(syscall(SYS_connect, s->unx, &s->sun, sizeof(s->sun)),
	    ECAPMODE);
	REFUSED(syscall(SYS_connect, s->unx, &s->abs, sizeof(s->abs)),
	    ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	struct socks s;
	socklen_t len = sizeof(s.sin);
	int lis, ulis, alis;

	memset(&s, 0, sizeof(s));
	/* A listener on loopback, an unused port, and unix listeners. */
	lis = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	s.sin.sin_family = AF_INET;
	s.sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CONTROL(bind(lis, (struct sockaddr *)&s.sin, sizeof(s.sin)));
	CONTROL(listen(lis, 4));
	CONTROL(getsockname(lis, (struct sockaddr *)&s.sin, &len));
	s.sun.sun_family = AF_UNIX;
	snprintf(s.sun.sun_path, sizeof(s.sun.sun_path), "/tmp/capmode-e09-%d",
	    (int)getpid());
	ulis = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	CONTROL(bind(ulis, (struct sockaddr *)&s.sun, sizeof(s.sun)));
	CONTROL(listen(ulis, 4));
	s.abs.sun_family = AF_UNIX;
	snprintf(s.abs.sun_path + 1, sizeof(s.abs.sun_path) - 1,
	    "capmode-e09-%d", (int)getpid());
	alis = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	CONTROL(bind(alis, (struct sockaddr *)&s.abs, sizeof(s.abs)));
	CONTROL(listen(alis, 4));

	s.tcp = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	s.udp = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	s.unx = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	CONTROL(s.tcp);
	CONTROL(s.udp);
	CONTROL(s.unx);
	{
		int st = esc_run(attack, &s, NULL);

		unlink(s.sun.sun_path);
		return (esc_finish(st));
	}
}
