/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * escape.c - escape attempts made by a program running under caprun
 *
 * usage: escape TEST [ARG]...
 * Each test tries one way out of capability mode and prints "refused: ..."
 * (exit 0) or "ESCAPED: ..." (exit 1).  Built twice: dynamically (run
 * under the shim) and statically (exec'd from inside, without the shim).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int
verdict(int escaped, const char *what, long r)
{
	if (escaped) {
		printf("ESCAPED: %s (result %ld)\n", what, r);
		return (1);
	}
	printf("refused: %s (errno %d)\n", what, errno);
	return (0);
}

/*
 * E1: raw openat(AT_FDCWD) of an absolute path, past every interposer.
 * Refused by: trap filter + SIGSYS emulation (no grant covers it); without
 * the handler, the library's seccomp filter.  Expect: ECAPMODE.
 */
static int
raw_open(const char *path)
{
	long r = syscall(SYS_openat, AT_FDCWD, path, O_RDONLY);

	return (verdict(r >= 0, "raw openat(AT_FDCWD)", r));
}

/*
 * Not an escape: a raw openat(AT_FDCWD) of a granted file is trapped and
 * served beneath its pre-open (the SIGSYS emulation).  Prints the data.
 */
static int
raw_read(const char *path)
{
	char buf[256];
	long fd = syscall(SYS_openat, AT_FDCWD, path, O_RDONLY), n;

	if (fd < 0) {
		printf("raw openat %s: errno %d\n", path, errno);
		return (1);
	}
	n = read((int)fd, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	printf("%s", buf);
	return (0);
}

/* Not an escape: popen(3) from inside, output and pclose status. */
static int
run_popen(const char *cmd)
{
	char buf[256];
	FILE *fp = popen(cmd, "r");

	if (fp == NULL) {
		printf("popen: errno %d\n", errno);
		return (1);
	}
	while (fgets(buf, sizeof(buf), fp) != NULL)
		fputs(buf, stdout);
	printf("status %d\n", pclose(fp));
	return (0);
}

/*
 * E2: ".." out of a pre-opened directory, through libc and raw.
 * Refused by: openat2(RESOLVE_BENEATH) in the library (ENOTCAPABLE);
 * raw, by Landlock (EACCES).
 */
static int
dotdot(const char *dir)
{
	char up[4096] = "";
	int fd = open(dir, O_RDONLY | O_DIRECTORY), bad = 0;
	long r;

	if (fd < 0) {
		printf("setup: open %s: %s\n", dir, strerror(errno));
		return (2);
	}
	for (int i = 0; i < 16; i++)
		strcat(up, "../");
	strcat(up, "etc/passwd");
	r = openat(fd, up, O_RDONLY);
	bad |= verdict(r >= 0, "openat(dirfd, \"../..\") via libc", r);
	r = syscall(SYS_openat, fd, up, O_RDONLY);
	bad |= verdict(r >= 0, "raw openat(dirfd, \"../..\")", r);
	return (bad);
}

/* E3: execve of a program outside the pre-opens.  Refused by: the path
 * map (interposed execve); raw, by seccomp.  Expect: ECAPMODE. */
static int
exec_sh(void)
{
	char *argv[] = { "sh", "-c", "echo ESCAPED: shell ran", NULL };
	long r = execve("/bin/sh", argv, (char *[]){ NULL });

	return (verdict(0, "execve(/bin/sh)", r));
}

/* E4: new sockets and connections.  Refused by: seccomp (socket).
 * Expect: ECAPMODE. */
static int
net(void)
{
	struct sockaddr_in sin = { .sin_family = AF_INET,
	    .sin_port = htons(22) };
	int s, bad;

	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s = socket(AF_INET, SOCK_STREAM, 0);
	bad = verdict(s >= 0, "socket(AF_INET)", s);
	if (s >= 0)
		bad |= verdict(connect(s, (struct sockaddr *)&sin,
		    sizeof(sin)) == 0, "connect(127.0.0.1:22)", 0);
	s = socket(AF_UNIX, SOCK_STREAM, 0);
	bad |= verdict(s >= 0, "socket(AF_UNIX)", s);
	return (bad);
}

/* E5: ptrace of the parent.  Refused by: seccomp.  Expect: ECAPMODE. */
static int
trace(void)
{
	long r = ptrace(PTRACE_ATTACH, getppid(), NULL, NULL);

	return (verdict(r == 0, "ptrace(PTRACE_ATTACH, parent)", r));
}

/*
 * E6: drop LD_PRELOAD, then exec a static program that tries again.
 * Refused by: the inherited seccomp filters and Landlock domain; the
 * SIGSYS emulation keeps serving (and refusing) its path calls.
 */
static int
unpreload(const char *helper)
{
	char *argv[] = { (char *)helper, "static-checks", NULL };
	pid_t pid;
	int st;

	if (unsetenv("LD_PRELOAD") < 0)
		return (2);
	if ((pid = fork()) == 0) {
		execve(helper, argv, environ);
		printf("exec %s: %s\n", helper, strerror(errno));
		_exit(3);
	}
	if (pid < 0 || waitpid(pid, &st, 0) < 0)
		return (2);
	if (WIFSIGNALED(st)) {
		printf("refused: child killed by signal %d\n", WTERMSIG(st));
		return (WTERMSIG(st) == SIGSYS ? 0 : 1);
	}
	return (WEXITSTATUS(st));
}

/* What the static child of E6 tries, without any shim. */
static int
static_checks(void)
{
	int bad = 0;
	long r;

	printf("child: LD_PRELOAD=%s\n", getenv("LD_PRELOAD") ? "set" :
	    "unset");
	r = syscall(SYS_socket, AF_INET, SOCK_STREAM, 0);
	bad |= verdict(r >= 0, "child socket(AF_INET)", r);
	r = syscall(SYS_ptrace, PTRACE_ATTACH, getppid(), 0, 0);
	bad |= verdict(r == 0, "child ptrace", r);
	fflush(stdout);
	/* Last: with no SIGSYS handler the trap ends the process here. */
	r = syscall(SYS_openat, AT_FDCWD, "/etc/passwd", O_RDONLY);
	bad |= verdict(r >= 0, "child raw openat(AT_FDCWD)", r);
	return (bad);
}

int
main(int argc, char *argv[])
{
	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc < 2)
		return (2);
	if (strcmp(argv[1], "rawopen") == 0 && argc == 3)
		return (raw_open(argv[2]));
	if (strcmp(argv[1], "rawread") == 0 && argc == 3)
		return (raw_read(argv[2]));
	if (strcmp(argv[1], "popen") == 0 && argc == 3)
		return (run_popen(argv[2]));
	if (strcmp(argv[1], "dotdot") == 0 && argc == 3)
		return (dotdot(argv[2]));
	if (strcmp(argv[1], "exec") == 0)
		return (exec_sh());
	if (strcmp(argv[1], "net") == 0)
		return (net());
	if (strcmp(argv[1], "ptrace") == 0)
		return (trace());
	if (strcmp(argv[1], "unpreload") == 0 && argc == 3)
		return (unpreload(argv[2]));
	if (strcmp(argv[1], "static-checks") == 0)
		return (static_checks());
	return (2);
}
