/* SPDX-License-Identifier: BSD-2-Clause */
/*
 * sys/procdesc.h - process descriptors (pdfork, pdkill, pdgetpid, pdwait4)
 *
 * Implemented over Linux pidfds.  A process descriptor is a pidfd: it can be
 * polled (readable when the child exits), passed over SCM_RIGHTS, and
 * limited with cap_rights_limit (CAP_PDGETPID, CAP_PDKILL, CAP_PDWAIT).
 */
#ifndef _SYS_PROCDESC_H_
#define _SYS_PROCDESC_H_

#include <sys/resource.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Flags for pdfork(). */
#define PD_DAEMON	0x00000001	/* Don't exit when the last pd closes. */
#define PD_CLOEXEC	0x00000002	/* Close the descriptor on execve. */
#define PD_ALLOWED_AT_FORK	(PD_DAEMON | PD_CLOEXEC)

/*
 * pdfork: fork, returning the child's process descriptor in *fdp in the
 * parent.  The child sends no SIGCHLD, as on FreeBSD.  Without PD_DAEMON the
 * child is killed when the last descriptor for it is closed through the
 * library (close, dup2 over it, close_range), and when the parent exits
 * (PR_SET_PDEATHSIG).  Errors: those of fork(2), EINVAL (unknown flags),
 * EFAULT (fdp is NULL).
 *
 * Where Linux differs: closes the library does not see (a raw close(2),
 * libc's own closes) do not kill the child, and copies of the descriptor
 * in other processes are not counted; PR_SET_PDEATHSIG fires when the
 * thread that called pdfork exits, and the kernel clears it when the
 * child executes a set-user-ID program.  pthread_atfork(3) handlers do
 * not run in the child: in a multithreaded parent it may only make
 * async-signal-safe calls, as after fork(2).
 */
pid_t	pdfork(int *fdp, int flags);

/* pdkill: send signum to the process behind fd.  ENOTCAPABLE without CAP_PDKILL. */
int	pdkill(int fd, int signum);

/* pdgetpid: the pid behind fd.  ENOTCAPABLE without CAP_PDGETPID. */
int	pdgetpid(int fd, pid_t *pidp);

/*
 * pdwait4: wait4(2) for the process behind fd.  options: WNOHANG, WUNTRACED,
 * WCONTINUED, WEXITED (implied).  Returns the pid, 0 with WNOHANG when
 * nothing changed.  ENOTCAPABLE without CAP_PDWAIT.
 */
int	pdwait4(int fd, int *status, int options, struct rusage *rusage);

#ifdef __cplusplus
}
#endif

#endif /* !_SYS_PROCDESC_H_ */
