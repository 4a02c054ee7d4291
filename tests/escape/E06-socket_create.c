/* E06: creating sockets (network, netlink, packet, unix, vsock). Refused
 * by: seccomp (socket(2) in every family; socketpair stays allowed).
 * Expect: ECAPMODE. */
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/netlink.h>

#include "esc.h"

static int
attack(void *arg)
{
	int sv[2];

	(void)arg;
	esc_enter();
	REFUSED(socket(AF_INET, SOCK_STREAM, 0), ECAPMODE);
	REFUSED(socket(AF_INET6, SOCK_DGRAM, 0), ECAPMODE);
	REFUSED(socket(AF_UNIX, SOCK_STREAM, 0), ECAPMODE);
	REFUSED(socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE), ECAPMODE);
	REFUSED(socket(AF_PACKET, SOCK_RAW, 0), ECAPMODE);
	REFUSED(socket(AF_VSOCK, SOCK_STREAM, 0), ECAPMODE);
	REFUSED(syscall(SYS_socket, AF_INET, SOCK_RAW, 1), ECAPMODE);
	REFUSED(syscall(SYS_socket, AF_UNIX, SOCK_DGRAM, 0), ECAPMODE);
	REFUSED(syscall(SYS_socket, AF_NETLINK, SOCK_DGRAM, 0), ECAPMODE);
	/* An anonymous connected pair names nothing global. */
	CONTROL(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	return (esc_status());
}

int
main(void)
{
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	CONTROL(fd);
	if (fd >= 0)
		close(fd);
	return (esc_finish(esc_run(attack, NULL, NULL)));
}
