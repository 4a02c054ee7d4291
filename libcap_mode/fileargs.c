/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * fileargs.c - FreeBSD's cap_fileargs without Casper: a helper process
 *
 * fileargs_init() runs before cap_enter() and pdforks a helper that keeps
 * the ambient authority the program is about to give up.  The helper knows
 * the names it may serve (a sorted copy of argv, exact match as on
 * FreeBSD), the open flags and mode, and the operations allowed; it holds
 * no other descriptor than its end of a SOCK_SEQPACKET socket pair.  Each
 * request is one datagram (header + name), each reply one datagram
 * (header + payload, and for FA_OPEN the descriptor in SCM_RIGHTS), so
 * message boundaries need no framing.  Authority lives in the helper: the
 * library does not filter names itself, so a confused client cannot get
 * more than the helper agrees to give.
 *
 * The helper is a pdfork child: it sends no SIGCHLD, is invisible to the
 * program's wait(-1), dies with its parent (PR_SET_PDEATHSIG) and exits
 * when the socket closes.  It runs raw system calls, sigaction(2),
 * lstat(2) and realpath(3), and allocates nothing itself after the fork,
 * so a multithreaded program may call fileargs_init too (see procdesc.c on
 * what a pdfork child may do); the one exception is glibc's realpath(3),
 * which allocates for names and links longer than 1 KiB.
 *
 * The client's socket calls are raw system calls too: the library's own
 * wrappers check rights, and the socket is an implementation detail.
 */
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>

#include <sys/procdesc.h>
#include <casper/cap_fileargs.h>
#include <libcasper.h>

#include "internal.h"
#include "sys.h"

#define FA_ALL_OPS	(FA_OPEN | FA_LSTAT | FA_REALPATH)
#define FA_REPLY_MAX	(sizeof(struct stat) > PATH_MAX ?		\
			    sizeof(struct stat) : PATH_MAX)

struct fileargs {
	pthread_mutex_t	lock;		/* one request at a time */
	int		sock;		/* to the helper; -1: no names */
	int		pd;		/* the helper's process descriptor */
	bool		limit;		/* limit opened fds to `rights' */
	cap_rights_t	rights;
};

struct fa_req {
	uint32_t	op;		/* one FA_* */
	uint32_t	len;		/* bytes of name that follow */
};

struct fa_rep {
	int32_t		error;		/* 0 or an errno value */
	uint32_t	len;		/* bytes of payload that follow */
};

/* What the helper knows; built before the fork, read-only after. */
struct helper {
	int		sock;
	int		flags;
	mode_t		mode;
	int		operations;
	const char	**names;	/* sorted */
	size_t		nnames;
};

static int
name_cmp(const void *a, const void *b)
{
	return (strcmp(*(const char *const *)a, *(const char *const *)b));
}

static bool
name_allowed(const struct helper *h, const char *name)
{
	return (bsearch(&name, h->names, h->nnames, sizeof(*h->names),
	    name_cmp) != NULL);
}

/* Send one reply; fd >= 0 travels with it.  Negative errno on failure. */
static long
send_reply(int sock, int error, const void *payload, size_t len, int fd)
{
	union {
		struct cmsghdr	h;
		char		buf[CMSG_SPACE(sizeof(int))];
	} cm;
	struct fa_rep rep = { .error = error, .len = (uint32_t)len };
	struct iovec iov[2] = {
		{ .iov_base = &rep, .iov_len = sizeof(rep) },
		{ .iov_base = (void *)(uintptr_t)payload, .iov_len = len },
	};
	struct msghdr msg = { .msg_iov = iov, .msg_iovlen = 2 };

	if (fd >= 0) {
		memset(&cm, 0, sizeof(cm));
		msg.msg_control = cm.buf;
		msg.msg_controllen = sizeof(cm.buf);
		cm.h.cmsg_level = SOL_SOCKET;
		cm.h.cmsg_type = SCM_RIGHTS;
		cm.h.cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(&cm.h), &fd, sizeof(int));
	}
	return (CM_NOINTR(cm_sc3(SYS_sendmsg, sock, &msg, MSG_NOSIGNAL)));
}

/* Does open(2) take a mode with these flags? */
static bool
creates(int flags)
{
	return ((flags & O_CREAT) != 0 || (flags & O_TMPFILE) == O_TMPFILE);
}

/* Perform one allowed request; the reply's error, payload and fd. */
static int
perform(const struct helper *h, uint32_t op, const char *name, char *out,
    size_t *outlen, int *fd)
{
	struct stat st;
	long r;

	switch (op) {
	case FA_OPEN:
		r = CM_NOINTR(cm_sc4(SYS_openat, AT_FDCWD, name,
		    h->flags | O_CLOEXEC, creates(h->flags) ? h->mode : 0));
		if (r < 0)
			return ((int)-r);
		*fd = (int)r;
		return (0);
	case FA_LSTAT:
		if (lstat(name, &st) != 0)
			return (errno);
		memcpy(out, &st, sizeof(st));
		*outlen = sizeof(st);
		return (0);
	default:	/* FA_REALPATH */
		if (realpath(name, out) == NULL)
			return (errno);
		*outlen = strlen(out);
		return (0);
	}
}

static void
serve(const struct helper *h, const char *buf, size_t n)
{
	char out[FA_REPLY_MAX], name[PATH_MAX + 1];
	struct fa_req req;
	size_t outlen = 0;
	int error, fd = -1;

	if (n < sizeof(req))
		_exit(1);		/* not our client */
	memcpy(&req, buf, sizeof(req));
	if (req.len != n - sizeof(req) || req.len > PATH_MAX)
		_exit(1);
	memcpy(name, buf + sizeof(req), req.len);
	name[req.len] = '\0';
	if ((req.op != FA_OPEN && req.op != FA_LSTAT &&
	    req.op != FA_REALPATH) || (h->operations & (int)req.op) == 0 ||
	    strlen(name) != req.len || !name_allowed(h, name))
		error = ENOTCAPABLE;
	else
		error = perform(h, req.op, name, out, &outlen, &fd);
	if (send_reply(h->sock, error, out, outlen, fd) < 0)
		_exit(1);
	if (fd >= 0)
		(void)cm_close(fd);
}

/* Is sig one the terminal sends to the whole foreground process group? */
static bool
from_terminal(int sig)
{
	return (sig == SIGINT || sig == SIGQUIT || sig == SIGTSTP ||
	    sig == SIGTTIN || sig == SIGTTOU);
}

/*
 * The parent's signal handlers are not the helper's.  Signals from the
 * keyboard are ignored: the parent decides whether the program ends, and
 * its exit ends the helper (EOF, PR_SET_PDEATHSIG).
 */
static void
helper_signals(void)
{
	struct sigaction sa;
	sigset_t none;

	memset(&sa, 0, sizeof(sa));
	for (int sig = 1; sig < NSIG; sig++) {
		if (sig == SIGKILL || sig == SIGSTOP)
			continue;
		sa.sa_handler = from_terminal(sig) ? SIG_IGN : SIG_DFL;
		/* libc's reserved signals refuse: they keep libc's handler. */
		(void)sigaction(sig, &sa, NULL);
	}
	(void)sigemptyset(&none);
	(void)sigprocmask(SIG_SETMASK, &none, NULL);
}

static void __attribute__((noreturn))
helper_main(const struct helper *h)
{
	char buf[sizeof(struct fa_req) + PATH_MAX + 1];
	long n;

	/* Hold nothing but the socket: no pipe end kept open, no leak. */
	if (h->sock > 0)
		(void)cm_sc3(CM_NR_close_range, 0, h->sock - 1, 0);
	(void)cm_sc3(CM_NR_close_range, h->sock + 1, ~0U, 0);
	helper_signals();
	for (;;) {
		n = CM_NOINTR(cm_sc4(SYS_recvfrom, h->sock, buf, sizeof(buf),
		    0));
		if (n <= 0)		/* the client is gone */
			_exit(n == 0 ? 0 : 1);
		serve(h, buf, (size_t)n);
	}
}

/* Start the helper on a socket pair; *sockp and *pdp get our ends. */
static int
helper_start(struct helper *h, int *sockp, int *pdp)
{
	int sv[2], pd;
	pid_t pid;
	long r;

	r = cm_sc4(SYS_socketpair, AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0,
	    sv);
	if (r < 0)
		return ((int)r);
	if ((pid = pdfork(&pd, PD_CLOEXEC)) < 0) {
		r = -errno;
		(void)cm_close(sv[0]);
		(void)cm_close(sv[1]);
		return ((int)r);
	}
	if (pid == 0) {
		h->sock = sv[1];
		helper_main(h);
	}
	(void)cm_close(sv[1]);
	*sockp = sv[0];
	*pdp = pd;
	return (0);
}

static int
fa_init(struct fileargs *fa, int argc, char *argv[], int flags, mode_t mode,
    int operations)
{
	struct helper h = {
		.flags = flags, .mode = mode, .operations = operations,
		.nnames = (size_t)argc,
	};
	int r;

	h.names = malloc((size_t)argc * sizeof(*h.names));
	if (h.names == NULL)
		return (-ENOMEM);
	for (int i = 0; i < argc; i++) {
		if (argv[i] == NULL) {
			free(h.names);
			return (-EINVAL);
		}
		h.names[i] = argv[i];
	}
	qsort(h.names, h.nnames, sizeof(*h.names), name_cmp);
	r = helper_start(&h, &fa->sock, &fa->pd);
	free(h.names);
	return (r);
}

/* NOTE - function header comments in include/casper/cap_fileargs.h. */
CM_EXPORT fileargs_t *
fileargs_init(int argc, char *argv[], int flags, mode_t mode,
    cap_rights_t *rightsp, int operations)
{
	struct fileargs *fa;
	int r = 0;

	if (argc < 0 || (argc > 0 && argv == NULL) ||
	    (operations & ~FA_ALL_OPS) != 0 ||
	    (rightsp != NULL && !cap_rights_is_valid(rightsp))) {
		errno = EINVAL;
		return (NULL);
	}
	if ((fa = calloc(1, sizeof(*fa))) == NULL)
		return (NULL);
	fa->sock = fa->pd = -1;
	if (rightsp != NULL) {
		fa->limit = true;
		fa->rights = *rightsp;
	}
	if ((r = pthread_mutex_init(&fa->lock, NULL)) != 0) {
		free(fa);
		errno = r;
		return (NULL);
	}
	if (argc > 0 && (r = fa_init(fa, argc, argv, flags, mode,
	    operations)) < 0) {
		(void)pthread_mutex_destroy(&fa->lock);
		free(fa);
		errno = -r;
		return (NULL);
	}
	return (fa);
}

CM_EXPORT fileargs_t *
fileargs_cinit(cap_channel_t *cas, int argc, char *argv[], int flags,
    mode_t mode, cap_rights_t *rightsp, int operations)
{
	(void)cas;
	(void)argc;
	(void)argv;
	(void)flags;
	(void)mode;
	(void)rightsp;
	(void)operations;
	errno = ENOTSUP;
	return (NULL);
}

/* Receive one reply into rep/payload, and its descriptor if any. */
static long
recv_reply(int sock, struct fa_rep *rep, void *payload, size_t len, int *fd)
{
	union {
		struct cmsghdr	h;
		char		buf[CMSG_SPACE(sizeof(int))];
	} cm;
	struct iovec iov[2] = {
		{ .iov_base = rep, .iov_len = sizeof(*rep) },
		{ .iov_base = payload, .iov_len = len },
	};
	struct msghdr msg = {
		.msg_iov = iov, .msg_iovlen = 2,
		.msg_control = cm.buf, .msg_controllen = sizeof(cm.buf),
	};
	struct cmsghdr *c;
	long n;

	*fd = -1;
	n = CM_NOINTR(cm_sc3(SYS_recvmsg, sock, &msg, MSG_CMSG_CLOEXEC));
	if (n == 0)
		return (-EPIPE);
	if (n < 0)
		return (n);
	for (c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c))
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS &&
		    c->cmsg_len == CMSG_LEN(sizeof(int)))
			memcpy(fd, CMSG_DATA(c), sizeof(int));
	if ((size_t)n < sizeof(*rep) || rep->len != (size_t)n - sizeof(*rep) ||
	    (msg.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) != 0) {
		if (*fd >= 0)
			(void)cm_close(*fd);
		*fd = -1;
		return (-EPROTO);
	}
	return (0);
}

/*
 * One request and its reply.  Returns 0 (payload in out, *outlen bytes;
 * *fd the descriptor for FA_OPEN) or -errno.
 */
static int
transact(struct fileargs *fa, uint32_t op, const char *name, void *out,
    size_t *outlen, int *fd)
{
	struct fa_req req = { .op = op };
	struct fa_rep rep;
	struct iovec iov[2];
	struct msghdr msg = { .msg_iov = iov, .msg_iovlen = 2 };
	size_t len;
	long r;

	*fd = -1;
	if (fa == NULL || name == NULL)
		return (-EINVAL);
	if (fa->sock < 0)
		return (-ENOTCAPABLE);
	if ((len = strlen(name)) > PATH_MAX)
		return (-ENAMETOOLONG);
	req.len = (uint32_t)len;
	iov[0] = (struct iovec){ .iov_base = &req, .iov_len = sizeof(req) };
	iov[1] = (struct iovec){ .iov_base = (void *)(uintptr_t)name,
	    .iov_len = len };
	(void)pthread_mutex_lock(&fa->lock);
	r = CM_NOINTR(cm_sc3(SYS_sendmsg, fa->sock, &msg, MSG_NOSIGNAL));
	if (r >= 0)
		r = recv_reply(fa->sock, &rep, out, *outlen, fd);
	(void)pthread_mutex_unlock(&fa->lock);
	if (r < 0)
		return ((int)r);
	if (rep.error != 0) {
		if (*fd >= 0)
			(void)cm_close(*fd);
		*fd = -1;
		return (rep.error > 0 ? -rep.error : -EPROTO);
	}
	*outlen = rep.len;
	return (0);
}

/* A fresh descriptor from the kernel: no stale rights may stick to it. */
static void
forget_slot(int fd)
{
	cm_table_lock();
	cm_slot_forget_locked(fd);
	cm_table_unlock();
}

CM_EXPORT int
fileargs_open(fileargs_t *fa, const char *name)
{
	size_t len = 0;
	int fd, r, saved;

	if ((r = transact(fa, FA_OPEN, name, NULL, &len, &fd)) < 0)
		return ((int)cm_ret(r));
	if (fd < 0)
		return ((int)cm_ret(-EPROTO));
	forget_slot(fd);
	if (fa->limit && cap_rights_limit(fd, &fa->rights) == -1) {
		saved = errno;
		(void)close(fd);
		errno = saved;
		return (-1);
	}
	return (fd);
}

CM_EXPORT FILE *
fileargs_fopen(fileargs_t *fa, const char *name, const char *mode)
{
	FILE *f;
	int fd, saved;

	if (mode == NULL) {
		errno = EINVAL;
		return (NULL);
	}
	if ((fd = fileargs_open(fa, name)) == -1)
		return (NULL);
	if ((f = fdopen(fd, mode)) == NULL) {
		saved = errno;
		(void)close(fd);
		errno = saved;
	}
	return (f);
}

CM_EXPORT int
fileargs_lstat(fileargs_t *fa, const char *name, struct stat *sb)
{
	struct stat st;
	size_t len = sizeof(st);
	int fd, r;

	if (sb == NULL)
		return ((int)cm_ret(-EFAULT));
	if ((r = transact(fa, FA_LSTAT, name, &st, &len, &fd)) < 0)
		return ((int)cm_ret(r));
	if (fd >= 0)
		(void)cm_close(fd);
	if (len != sizeof(st))
		return ((int)cm_ret(-EPROTO));
	*sb = st;
	return (0);
}

CM_EXPORT char *
fileargs_realpath(fileargs_t *fa, const char *pathname, char *reserved_path)
{
	char buf[PATH_MAX];
	size_t len = sizeof(buf) - 1;
	char *s;
	int fd, r;

	if ((r = transact(fa, FA_REALPATH, pathname, buf, &len, &fd)) < 0) {
		errno = -r;
		return (NULL);
	}
	if (fd >= 0)
		(void)cm_close(fd);
	buf[len] = '\0';
	if (reserved_path != NULL) {
		memcpy(reserved_path, buf, len + 1);
		return (reserved_path);
	}
	if ((s = strdup(buf)) == NULL)
		errno = ENOMEM;
	return (s);
}

CM_EXPORT void
fileargs_free(fileargs_t *fa)
{
	int saved = errno;

	if (fa == NULL)
		return;
	if (fa->sock >= 0)
		(void)cm_close(fa->sock);	/* the helper sees EOF */
	if (fa->pd >= 0) {
		/*
		 * In capability mode Landlock may refuse the signal to a
		 * process started before cap_enter; the EOF above ends the
		 * helper then, and pdwait4 reaps it.
		 */
		(void)pdkill(fa->pd, SIGKILL);
		(void)pdwait4(fa->pd, NULL, 0, NULL);
		(void)close(fa->pd);
	}
	(void)pthread_mutex_destroy(&fa->lock);
	free(fa);
	errno = saved;
}

/*
 * libcasper.h: no Casper daemon on Linux, so no channel can be opened.
 * NOTE - function header comments in include/libcasper.h.
 */
CM_EXPORT cap_channel_t *
cap_init(void)
{
	errno = ENOTSUP;
	return (NULL);
}

CM_EXPORT cap_channel_t *
cap_service_open(const cap_channel_t *chan, const char *name)
{
	(void)chan;
	(void)name;
	errno = ENOTSUP;
	return (NULL);
}

CM_EXPORT void
cap_close(cap_channel_t *chan)
{
	(void)chan;
}
