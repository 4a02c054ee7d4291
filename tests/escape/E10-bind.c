/* E10: binding a socket created before cap_enter to a global address (a
 * TCP port, a UDP port, a unix path, an abstract name). Refused by:
 * seccomp (bind), and TCP also by Landlock (ABI 4). Expect: ECAPMODE. */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include "esc.h"

struct socks {
	int			tcp, udp, unx, unx2;
	struct sockaddr_in	sin;
	struct sockaddr_un	sun, abs;
};

static int
attack(void *arg)
{
	struct socks *s = arg;

	esc_enter();
	REFUSED(bind(s->tcp, (struct sockaddr *)&s->sin, sizeof(s->sin)),
	    ECAPMODE);
	REFUSED(bind(s->udp, (struct sockaddr *)&s->sin, sizeof(s->sin)),
	    ECAPMODE);
	REFUSED(bind(s->unx, (struct sockaddr *)&s->sun, sizeof(s->sun)),
	    ECAPMODE);
	REFUSED(bind(s->unx2, (struct sockaddr *)&s->abs, sizeof(s->abs)),
	    ECAPMODE);
	REFUSED(syscall(SYS_bind, s->tcp, &s->sin, sizeof(s->sin)), ECAPMODE);
	REFUSED(syscall(SYS_bind, s->udp, &s->sin, sizeof(s->sin)), ECAPMODE);
	REFUSED(syscall(SYS_bind, s->unx, &s->sun, sizeof(s->sun)), ECAPMODE);
	REFUSED(syscall(SYS_bind, s->unx2, &s->abs, sizeof(s->abs)),
	    ECAPMODE);
	return (esc_status());
}

int
main(void)
{
	struct socks s;
	int ctl;

	memset(&s, 0, sizeof(s));
	s.sin.sin_family = AF_INET;
	s.sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);	/* port 0: any */
	s.sun.sun_family = AF_UNIX;
	snprintf(s.sun.sun_path, sizeof(s.sun.sun_path), "/tmp/capmode-e10-%d",
	    (int)getpid());
	s.abs.sun_family = AF_UNIX;
	snprintf(s.abs.sun_path + 1, sizeof(s.abs.sun_path) - 1,
	    "capmode-e10-%d", (int)getpid());
	ctl = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	CONTROL(bind(ctl, (struct sockaddr *)&s.sin, sizeof(s.sin)));
	close(ctl);
	s.tcp = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	s.udp = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	s.unx = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	s.unx2 = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	CONTROL(s.tcp);
	CONTROL(s.unx2);
	{
		int st = esc_run(attack, &s, NULL);
		bool made = unlink(s.sun.sun_path) == 0;

		if (made)
			printf("#   ESCAPE: %s was created\n", s.sun.sun_path);
		return (esc_finish(made ? ESC_ESCAPED : st));
	}
}
