/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fakekernel.c - run a command as if on an older or reduced kernel
 *
 * usage: fakekernel [--landlock-abi N] [--no-landlock] [--no-seccomp]
 *                   [--no-tsync] -- command [args...]
 *
 * A seccomp filter installed before exec makes the kernel's features look
 * missing: --no-landlock fails every landlock_* call with EOPNOTSUPP (as a
 * kernel booted without "landlock" in lsm= does), --no-seccomp fails
 * seccomp(2) with EINVAL, --no-tsync fails SECCOMP_FILTER_FLAG_TSYNC only.
 * --landlock-abi N answers the ABI version query with N through a seccomp
 * user-notification supervisor (this process), so the library under test
 * really takes its older-ABI paths.  Exit status: the command's.
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define NR_landlock_create_ruleset	444
#define NR_landlock_add_rule		445
#define NR_landlock_restrict_self	446

#define LD_NR	(struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr))
#define LD_ARG(i) (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, args[i]))
#define RET(v)	(struct sock_filter)BPF_STMT(BPF_RET | BPF_K, (v))

static int abi = -1, no_landlock, no_seccomp, no_tsync;

static void
usage(void)
{
	fprintf(stderr, "usage: fakekernel [--landlock-abi N] [--no-landlock] "
	    "[--no-seccomp] [--no-tsync] -- command [args...]\n");
	exit(125);
}

static int
install_filter(void)
{
	struct sock_filter f[32];
	struct sock_fprog prog;
	unsigned int n = 0;

	f[n++] = LD_NR;
	if (no_landlock) {
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K,
		    NR_landlock_create_ruleset, 0, 2);
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K,
		    NR_landlock_restrict_self, 1, 0);
		f[n++] = RET(SECCOMP_RET_ERRNO | EOPNOTSUPP);
	} else if (abi >= 0) {
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
		    NR_landlock_create_ruleset, 0, 4);
		f[n++] = LD_ARG(2);
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
		    1 /* LANDLOCK_CREATE_RULESET_VERSION */, 0, 1);
		f[n++] = RET(SECCOMP_RET_USER_NOTIF);
		f[n++] = LD_NR;
	}
	if (no_seccomp) {
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
		    SYS_seccomp, 0, 1);
		f[n++] = RET(SECCOMP_RET_ERRNO | EINVAL);
	} else if (no_tsync) {
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
		    SYS_seccomp, 0, 3);
		f[n++] = LD_ARG(1);
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K,
		    SECCOMP_FILTER_FLAG_TSYNC, 0, 1);
		f[n++] = RET(SECCOMP_RET_ERRNO | EINVAL);
	}
	f[n++] = RET(SECCOMP_RET_ALLOW);
	prog.len = (unsigned short)n;
	prog.filter = f;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return (-1);
	return ((int)syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
	    abi >= 0 && !no_landlock ? SECCOMP_FILTER_FLAG_NEW_LISTENER : 0,
	    &prog));
}

static int
send_fd(int sock, int fd)
{
	char cbuf[CMSG_SPACE(sizeof(int))] = { 0 };
	struct iovec iov = { "x", 1 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);

	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(int));
	return (sendmsg(sock, &msg, 0) == 1 ? 0 : -1);
}

static int
recv_fd(int sock)
{
	char cbuf[CMSG_SPACE(sizeof(int))], b;
	struct iovec iov = { &b, 1 };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *c;
	int fd;

	if (recvmsg(sock, &msg, 0) != 1 || (c = CMSG_FIRSTHDR(&msg)) == NULL)
		return (-1);
	memcpy(&fd, CMSG_DATA(c), sizeof(int));
	return (fd);
}

/* Answer every ABI query with `abi` until the command exits. */
static void
supervise(int listener)
{
	struct seccomp_notif req;
	struct seccomp_notif_resp resp;
	struct pollfd p = { listener, POLLIN, 0 };

	for (;;) {
		if (poll(&p, 1, -1) < 0 && errno != EINTR)
			return;
		if ((p.revents & (POLLHUP | POLLERR)) != 0)
			return;
		if ((p.revents & POLLIN) == 0)
			continue;
		memset(&req, 0, sizeof(req));
		if (ioctl(listener, SECCOMP_IOCTL_NOTIF_RECV, &req) < 0)
			continue;
		memset(&resp, 0, sizeof(resp));
		resp.id = req.id;
		resp.val = abi;
		if (abi == 0) {
			resp.val = 0;
			resp.error = -EOPNOTSUPP;
		}
		(void)ioctl(listener, SECCOMP_IOCTL_NOTIF_SEND, &resp);
	}
}

int
main(int argc, char *argv[])
{
	int i, sv[2], status, listener;
	pid_t pid;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--landlock-abi") == 0 && i + 1 < argc)
			abi = atoi(argv[++i]);
		else if (strcmp(argv[i], "--no-landlock") == 0)
			no_landlock = 1;
		else if (strcmp(argv[i], "--no-seccomp") == 0)
			no_seccomp = 1;
		else if (strcmp(argv[i], "--no-tsync") == 0)
			no_tsync = 1;
		else
			usage();
	}
	if (i + 1 >= argc)
		usage();
	argv += i + 1;
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
		return (125);
	if ((pid = fork()) < 0)
		return (125);
	if (pid == 0) {
		int l = install_filter();

		if (l < 0) {
			perror("fakekernel: seccomp");
			_exit(125);
		}
		if (abi >= 0 && !no_landlock && send_fd(sv[1], l) < 0)
			_exit(125);
		if (l > 0)
			close(l);
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	close(sv[1]);
	if (abi >= 0 && !no_landlock) {
		if ((listener = recv_fd(sv[0])) < 0)
			return (125);
		supervise(listener);
	}
	if (waitpid(pid, &status, 0) < 0)
		return (125);
	return (WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}
